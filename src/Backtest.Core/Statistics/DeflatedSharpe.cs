namespace Backtest.Core.Statistics;

/// <summary>
/// A Deflated Sharpe Ratio verdict with its inputs, so a report can show how far the selection bias moved
/// the bar: the strategy's per-period Sharpe against SR0, the best Sharpe expected from pure noise.
/// </summary>
/// <param name="SharpeRatio">Per-period Sharpe of the selected strategy (sd ddof = 1).</param>
/// <param name="Observations">T, the number of returns behind it.</param>
/// <param name="Skewness">Population skewness of its returns.</param>
/// <param name="RawKurtosis">Raw population kurtosis of its returns (normal = 3).</param>
/// <param name="Trials">N, every hypothesis the plan tested.</param>
/// <param name="TrialSharpeVariance">V, variance of the trials' per-period Sharpes.</param>
/// <param name="ExpectedMaxSharpe">SR0 = √V · E[max of N standard normals] (0 for N = 1).</param>
/// <param name="Dsr">PSR(SR0).</param>
public sealed record DeflatedSharpe(
    double SharpeRatio,
    int Observations,
    double Skewness,
    double RawKurtosis,
    int Trials,
    double TrialSharpeVariance,
    double ExpectedMaxSharpe,
    double Dsr)
{
    /// <summary>The conventional pass mark: DSR ≥ 0.95.</summary>
    public const double PassThreshold = 0.95;

    /// <summary>How DSR was computed, for output records.</summary>
    public string Convention => SharpeStatistics.Convention;
}
