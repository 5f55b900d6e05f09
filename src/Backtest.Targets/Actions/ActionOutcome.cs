namespace Backtest.Targets;

/// <summary>How one action ended in a run.</summary>
public enum ActionOutcome
{
    /// <summary>Its record matched and its outputs were intact.</summary>
    UpToDate,
    /// <summary>Its outputs were copied back from the blob store.</summary>
    Restored,
    /// <summary>It ran and its outputs were committed and recorded.</summary>
    Ran,
    /// <summary>It threw, missed an input, or did not write a declared output; nothing was committed.</summary>
    Failed,
    /// <summary>It was not started (an earlier failure or an abort stopped the target).</summary>
    NotRun,
    /// <summary>It was cancelled while running; nothing was committed.</summary>
    Aborted,
}
