namespace Backtest.Targets;

/// <summary>What the cache says about an action before it runs (also the words of <c>--plan</c>).</summary>
internal enum ActionVerdict
{
    /// <summary>A record matches the key and the outputs are intact.</summary>
    UpToDate,
    /// <summary>A record matches the key but outputs are missing or changed: copy them back from the blob store.</summary>
    Restore,
    /// <summary>No usable record: run the action.</summary>
    Run,
    /// <summary>Plan only: an input comes from an action that has not run yet.</summary>
    Pending,
}
