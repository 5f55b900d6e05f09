namespace Backtest.Targets;

/// <summary>How much the runner prints (NUKE's levels): quiet shows errors and the summary only.</summary>
public enum Verbosity
{
    /// <summary>Errors and the summary table.</summary>
    Quiet = 0,
    /// <summary>Adds target headers and one result line per target.</summary>
    Minimal = 1,
    /// <summary>Adds one line per action that ran, restored or failed, and the up-to-date count.</summary>
    Normal = 2,
    /// <summary>Adds every action, action logs and stack traces.</summary>
    Verbose = 3,
}
