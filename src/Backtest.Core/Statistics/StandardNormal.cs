namespace Backtest.Core.Statistics;

/// <summary>
/// The standard normal distribution N(0, 1), wrapping MathNet so that call sites read as the formula
/// (Φ and Φ⁻¹) instead of repeating a mean and a standard deviation of 0 and 1.
/// </summary>
public static class StandardNormal
{
    /// <summary>Φ(x) = P(Z ≤ x).</summary>
    public static double Cdf(double x) => MathNet.Numerics.Distributions.Normal.CDF(0.0, 1.0, x);

    /// <summary>
    /// Φ⁻¹(p), the quantile: −∞ at p = 0, +∞ at p = 1, NaN outside [0, 1].
    /// </summary>
    public static double Quantile(double p)
    {
        if (double.IsNaN(p) || p < 0.0 || p > 1.0) return double.NaN;
        if (p == 0.0) return double.NegativeInfinity;
        if (p == 1.0) return double.PositiveInfinity;
        return MathNet.Numerics.Distributions.Normal.InvCDF(0.0, 1.0, p);
    }
}
