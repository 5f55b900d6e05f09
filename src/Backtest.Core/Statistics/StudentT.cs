namespace Backtest.Core.Statistics;

/// <summary>
/// The standardised Student t distribution with real (not only integer) degrees of freedom, wrapping
/// MathNet: discovery uses a fractional ESS − 1 as the degrees of freedom.
/// </summary>
public static class StudentT
{
    /// <summary>P(T ≤ x) for T ~ t(dof); NaN when dof is not positive.</summary>
    public static double Cdf(double x, double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0.0) || double.IsNaN(x)) return double.NaN;
        return MathNet.Numerics.Distributions.StudentT.CDF(0.0, 1.0, degreesOfFreedom, x);
    }

    /// <summary>
    /// P(T ≥ x), computed as the lower tail at −x (the t distribution is symmetric) so that tiny
    /// one-sided p-values keep their precision instead of cancelling in 1 − CDF.
    /// </summary>
    public static double UpperTail(double x, double degreesOfFreedom) => Cdf(-x, degreesOfFreedom);

    /// <summary>The p-quantile of t(dof): −∞ at p = 0, +∞ at p = 1, NaN outside [0, 1] or for dof ≤ 0.</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0.0) || double.IsNaN(p) || p < 0.0 || p > 1.0) return double.NaN;
        if (p == 0.0) return double.NegativeInfinity;
        if (p == 1.0) return double.PositiveInfinity;
        return MathNet.Numerics.Distributions.StudentT.InvCDF(0.0, 1.0, degreesOfFreedom, p);
    }
}
