namespace Backtest.Targets;

/// <summary>Tallies of action outcomes for a target's summary info ("ran 2, up to date 14").</summary>
internal sealed class ActionCounts
{
    private readonly int[] _counts = new int[Enum.GetValues<ActionOutcome>().Length];

    public int this[ActionOutcome outcome] => _counts[(int)outcome];

    public int Total => _counts.Sum();

    public void Add(IEnumerable<ActionResult> results)
    {
        foreach (var result in results) _counts[(int)result.Outcome]++;
    }

    /// <summary>"ran 2, restored 1, up to date 14" (zero counts omitted).</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        void Part(ActionOutcome outcome, string words) { if (this[outcome] > 0) parts.Add($"{words} {this[outcome]}"); }
        Part(ActionOutcome.Ran, "ran");
        Part(ActionOutcome.Restored, "restored");
        Part(ActionOutcome.UpToDate, "up to date");
        Part(ActionOutcome.Failed, "failed");
        Part(ActionOutcome.Aborted, "aborted");
        Part(ActionOutcome.NotRun, "not run");
        return parts.Count == 0 ? "no actions" : string.Join(", ", parts);
    }
}
