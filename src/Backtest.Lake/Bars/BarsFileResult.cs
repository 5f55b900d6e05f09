using Backtest.Core.Bars;

namespace Backtest.Lake.Bars;

/// <summary>The bars of a file on a complete grid, and the report of how they were read.</summary>
public sealed record BarsFileResult(BarFrame Bars, BarsReport Report);
