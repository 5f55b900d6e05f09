using System.Runtime.Intrinsics;

namespace Backtest.Core.Features.Kernels;

public static partial class FeatureKernels
{
    /// <summary>
    /// Rolling sum over the last <paramref name="window"/> values, t included; NaN for t &lt; window−1 and for any
    /// window holding a NaN. Exact block scheme: never subtracts a value leaving the window.
    /// </summary>
    public static void RollingSum(ReadOnlySpan<double> x, int window, Span<double> y) => WindowSums.Sum(x, window, y);

    /// <summary>
    /// Rolling arithmetic mean over the last <paramref name="window"/> values (TA-Lib SMA convention: first value at
    /// index window−1). NaN until the window holds only defined values.
    /// </summary>
    public static void RollingMean(ReadOnlySpan<double> x, int window, Span<double> y)
    {
        WindowSums.Sum(x, window, y);
        var inverse = 1.0 / window;
        for (var t = window - 1; t < y.Length; t++) y[t] *= inverse;
    }

    /// <summary>
    /// Rolling standard deviation over the last <paramref name="window"/> values, t included, with divisor
    /// window − <paramref name="ddof"/>: ddof 0 is the population deviation TA-Lib's STDDEV (nbDev 1) returns, ddof 1
    /// the sample deviation pandas' rolling std returns. Computed from exact block moments, not E[x²] − E[x]², so a
    /// huge offset (1e9 + noise) keeps full precision (TA-Lib's running sums do not). NaN until the window holds only
    /// defined values.
    /// </summary>
    public static void RollingStd(ReadOnlySpan<double> x, int window, int ddof, Span<double> y) => RollingStd(x, window, ddof, y, vectorize: true);

    /// <summary>Rolling std with the lane-parallel path switched on or off, so tests can compare the two bit for bit.</summary>
    internal static void RollingStd(ReadOnlySpan<double> x, int window, int ddof, Span<double> y, bool vectorize) =>
        RollingMoments(x, window, ddof, y, new StdStatistic(1.0 / (window - ddof)), vectorize);

    /// <summary>
    /// Rolling z-score of the current value against the window that contains it:
    /// (x[t] − mean(x[t−w+1..t])) / std(x[t−w+1..t], ddof). Including x[t] keeps it point-in-time and bounds |z| by
    /// (w−1)/√w for ddof 0. NaN during warm-up, for windows holding a NaN, and when the deviation is exactly 0
    /// (a flat window has no scale, and ±∞ would poison every downstream statistic).
    /// </summary>
    public static void RollingZScore(ReadOnlySpan<double> x, int window, int ddof, Span<double> y) => RollingZScore(x, window, ddof, y, vectorize: true);

    /// <summary>Rolling z-score with the lane-parallel path switched on or off, so tests can compare the two bit for bit.</summary>
    internal static void RollingZScore(ReadOnlySpan<double> x, int window, int ddof, Span<double> y, bool vectorize) =>
        RollingMoments(x, window, ddof, y, new ZScoreStatistic(1.0 / (window - ddof)), vectorize);

    /// <summary>The shared body of the moment kernels: check the arguments, NaN the warm-up, compute the rest.</summary>
    private static void RollingMoments<TStatistic>(ReadOnlySpan<double> x, int window, int ddof, Span<double> y, TStatistic statistic, bool vectorize)
        where TStatistic : struct, WindowMoments.IStatistic
    {
        if (ddof is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(ddof), ddof, "ddof must be 0 (population) or 1 (sample)");
        WindowSums.CheckShapes(x.Length, y.Length, window, minimumWindow: 2);
        WindowSums.CheckNoOverlap(x, y);
        y[..Math.Min(window - 1, y.Length)].Fill(double.NaN);
        WindowMoments.Compute(x, window, y, statistic, vectorize);
    }

    /// <summary>√(M2 / (window − ddof)).</summary>
    private readonly struct StdStatistic(double inverseDivisor) : WindowMoments.IStatistic
    {
        private readonly Vector256<double> _inverseDivisor = Vector256.Create(inverseDivisor);

        public double Value(double x, double anchor, double meanOffset, double m2) => Math.Sqrt(m2 * inverseDivisor);

        public Vector256<double> Value(Vector256<double> x, Vector256<double> anchor, Vector256<double> meanOffset, Vector256<double> m2) =>
            Vector256.Sqrt(m2 * _inverseDivisor);
    }

    /// <summary>(x − mean) / std, NaN for a flat window.</summary>
    private readonly struct ZScoreStatistic(double inverseDivisor) : WindowMoments.IStatistic
    {
        private readonly Vector256<double> _inverseDivisor = Vector256.Create(inverseDivisor);

        public double Value(double x, double anchor, double meanOffset, double m2) =>
            m2 > 0 ? (x - anchor - meanOffset) / Math.Sqrt(m2 * inverseDivisor) : double.NaN;

        public Vector256<double> Value(Vector256<double> x, Vector256<double> anchor, Vector256<double> meanOffset, Vector256<double> m2) =>
            Vector256.ConditionalSelect(Vector256.GreaterThan(m2, Vector256<double>.Zero),
                (x - anchor - meanOffset) / Vector256.Sqrt(m2 * _inverseDivisor), Vector256.Create(double.NaN));
    }
}
