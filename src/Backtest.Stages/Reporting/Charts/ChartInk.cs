namespace Backtest.Stages.Reporting.Charts;

/// <summary>
/// The few colours a chart uses: one accent (the strategy, gains), a neutral grey (the benchmark) and a
/// burnt orange for losses and drawdowns; blue against orange stays distinct for colour-blind readers.
/// </summary>
public enum ChartInk
{
    /// <summary>The strategy and positive values: solid accent blue.</summary>
    Accent,
    /// <summary>The benchmark (buy-and-hold): dashed grey.</summary>
    Benchmark,
    /// <summary>Losses, drawdowns and negative values: burnt orange.</summary>
    Loss,
}
