using Backtest.Core.Research;

namespace Backtest.Core.Research;

/// <summary>
/// A research window by bar-close time, (FromTs, ToTs]: "full" for the whole series, or a fold's train window.
/// </summary>
public sealed record ResearchWindow(string Id, long FromTs, long ToTs)
{
    /// <summary>True when a bar closing at <paramref name="ts"/> belongs to the window.</summary>
    public bool Contains(long ts) => ts > FromTs && ts <= ToTs;
}
