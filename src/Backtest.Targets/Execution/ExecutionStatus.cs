namespace Backtest.Targets;

/// <summary>A target's state in the run; the last seven are what NUKE's summary table shows.</summary>
public enum ExecutionStatus
{
    /// <summary>Not part of the plan.</summary>
    None,
    /// <summary>Planned, not started.</summary>
    Scheduled,
    /// <summary>Started, not finished.</summary>
    Running,
    /// <summary>Planned with nothing to execute (it only groups dependencies); not shown in the summary.</summary>
    Collective,
    /// <summary>Ran work (an uncached step, or at least one action ran).</summary>
    Succeeded,
    /// <summary>Every action was up to date.</summary>
    UpToDate,
    /// <summary>No action ran; at least one was restored from the blob store.</summary>
    Restored,
    /// <summary>An action or step failed.</summary>
    Failed,
    /// <summary>Skipped by <c>--skip</c> or a false condition.</summary>
    Skipped,
    /// <summary>Not started because of an earlier failure, a failed dependency or an abort.</summary>
    NotRun,
    /// <summary>Interrupted by Ctrl-C while running.</summary>
    Aborted,
}
