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

    /// <summary>
    /// The p-quantile of t(dof): −∞ at p = 0, +∞ at p = 1, NaN outside [0, 1] or for dof ≤ 0. MathNet's own
    /// InvCDF searches a fixed bracket and fails in the far tails (p = 1e−9 at 1 dof is −3.2e8), so the root
    /// of log CDF(x) = log p is bracketed by doubling and refined with MathNet's Brent solver (it stops on a
    /// small residual as well as a small step, so the residual tolerance is set tight: 1e−15 in log CDF).
    /// </summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0.0) || double.IsNaN(p) || p < 0.0 || p > 1.0) return double.NaN;
        if (p == 0.0) return double.NegativeInfinity;
        if (p == 1.0) return double.PositiveInfinity;
        if (p == 0.5) return 0.0;

        // Solve in the lower tail, where the CDF is computed without cancellation, then reflect.
        var tail = Math.Min(p, 1.0 - p);
        var logTail = Math.Log(tail);
        var lo = -1.0;
        while (Cdf(lo, degreesOfFreedom) > tail)
        {
            lo *= 2.0;
            if (double.IsInfinity(lo)) return p < 0.5 ? double.NegativeInfinity : double.PositiveInfinity;
        }
        var x = MathNet.Numerics.RootFinding.Brent.FindRoot(
            v => Math.Log(Cdf(v, degreesOfFreedom)) - logTail, lo, 0.0, 1e-15, 1000);
        return p < 0.5 ? x : -x;
    }
}
