namespace Backtest.Targets;

/// <summary>The result of one action in a run, for the log and the target's summary.</summary>
public sealed record ActionResult(string Target, string Partition, ActionOutcome Outcome, string Reason, string? Info, TimeSpan Duration, Exception? Error = null)
{
    /// <summary>"Target[partition]".</summary>
    public string Label => $"{Target}[{Partition}]";
}
