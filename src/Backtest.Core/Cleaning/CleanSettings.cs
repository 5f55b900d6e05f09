using Backtest.Core.Time;

namespace Backtest.Core.Cleaning;

/// <summary>
/// How the Clean stage builds the bar grid: the timeframe, an optional window of bar closes
/// (from, to] in ms UTC, and the outlier rule (flagged, never altered).
/// </summary>
public sealed record CleanSettings(
    Timeframe Timeframe,
    long? FromTs = null,
    long? ToTs = null,
    double OutlierSigmas = 12.0,
    int OutlierWindow = 288,
    long MaxOpenInterestStalenessMs = 86_400_000L);
