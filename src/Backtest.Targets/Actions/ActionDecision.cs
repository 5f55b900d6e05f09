namespace Backtest.Targets;

/// <summary>The verdict for one action with its reason in plain words and what a restore must copy or remove.</summary>
internal sealed record ActionDecision(
    ActionVerdict Verdict,
    string Reason,
    ActionRecord? Record = null,
    IReadOnlyList<RecordedOutput>? ToRestore = null,
    IReadOnlyList<string>? Stale = null);
