using Backtest.Core.Bars;

namespace Backtest.Core.Cleaning;

/// <summary>Cleaned bars plus the per-bar outlier flags and the report that explains them.</summary>
public sealed record CleanResult(BarFrame Bars, bool[] IsOutlier, CleanReport Report);
