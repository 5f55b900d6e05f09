namespace Backtest.Core.Statistics;

/// <summary>
/// The result of combinatorially symmetric cross-validation: PBO and the per-split detail that shows how
/// the in-sample winner fares out of sample. Per-split arrays follow the split order (in-sample block sets
/// in lexicographic order).
/// </summary>
/// <param name="Pbo">Share of splits whose in-sample best lands in the bottom half out of sample (λ ≤ 0).</param>
/// <param name="Blocks">S, the number of contiguous equal blocks.</param>
/// <param name="RowsUsed">Rows used: the newest S·⌊T/S⌋ rows (the oldest T mod S are dropped).</param>
/// <param name="Configurations">N, the number of columns (configurations).</param>
/// <param name="Logits">λ = ln(w / (1 − w)) per split, w = OOS rank / (N + 1).</param>
/// <param name="Selected">Index of the in-sample best configuration per split (lowest index on ties).</param>
/// <param name="InSample">Metric of the selected configuration in sample, per split.</param>
/// <param name="OutOfSample">Metric of the selected configuration out of sample, per split.</param>
/// <param name="DegradationSlope">OLS slope of OutOfSample on InSample (NaN when InSample does not vary).</param>
/// <param name="DegradationIntercept">OLS intercept of that regression.</param>
/// <param name="ProbabilityOosLoss">Share of splits whose selected configuration has a negative out-of-sample metric.</param>
/// <param name="Metric">The statistic ranked.</param>
public sealed record OverfittingReport(
    double Pbo,
    int Blocks,
    int RowsUsed,
    int Configurations,
    double[] Logits,
    int[] Selected,
    double[] InSample,
    double[] OutOfSample,
    double DegradationSlope,
    double DegradationIntercept,
    double ProbabilityOosLoss,
    CscvMetric Metric)
{
    /// <summary>C(S, S/2), the number of splits evaluated.</summary>
    public int Splits => Logits.Length;

    /// <summary>How PBO was computed, for output records.</summary>
    public string Convention => BacktestOverfitting.Convention;
}
