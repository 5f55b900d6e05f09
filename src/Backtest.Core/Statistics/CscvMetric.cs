namespace Backtest.Core.Statistics;

/// <summary>The performance statistic CSCV ranks configurations by, in sample and out of sample.</summary>
public enum CscvMetric
{
    /// <summary>Mean of the rows (per-period mean return).</summary>
    Mean = 0,

    /// <summary>Per-period Sharpe ratio of the rows (sd ddof = 1); a constant column scores NaN, ranked below every number.</summary>
    SharpeRatio = 1,
}
