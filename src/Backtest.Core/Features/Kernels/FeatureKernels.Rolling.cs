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
    public static void RollingStd(ReadOnlySpan<double> x, int window, int ddof, Span<double> y)
    {
        CheckMoments(x.Length, y.Length, window, ddof);
        WindowSums.CheckNoOverlap(x, y);
        y[..Math.Min(window - 1, y.Length)].Fill(double.NaN);
        var sink = new StdSink(y, 1.0 / (window - ddof));
        WindowMoments.Compute(x, window, ref sink);
    }

    /// <summary>
    /// Rolling z-score of the current value against the window that contains it:
    /// (x[t] − mean(x[t−w+1..t])) / std(x[t−w+1..t], ddof). Including x[t] keeps it point-in-time and bounds |z| by
    /// (w−1)/√w for ddof 0. NaN during warm-up, for windows holding a NaN, and when the deviation is exactly 0
    /// (a flat window has no scale, and ±∞ would poison every downstream statistic).
    /// </summary>
    public static void RollingZScore(ReadOnlySpan<double> x, int window, int ddof, Span<double> y)
    {
        CheckMoments(x.Length, y.Length, window, ddof);
        WindowSums.CheckNoOverlap(x, y);
        y[..Math.Min(window - 1, y.Length)].Fill(double.NaN);
        var sink = new ZScoreSink(x, y, 1.0 / (window - ddof));
        WindowMoments.Compute(x, window, ref sink);
    }

    private static void CheckMoments(int inputLength, int outputLength, int window, int ddof)
    {
        if (ddof is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(ddof), ddof, "ddof must be 0 (population) or 1 (sample)");
        WindowSums.CheckShapes(inputLength, outputLength, window, minimumWindow: 2);
    }

    private ref struct StdSink(Span<double> y, double inverseDivisor) : WindowMoments.ISink
    {
        private readonly Span<double> _y = y;

        public void Write(int t, double anchor, double meanOffset, double m2) => _y[t] = Math.Sqrt(m2 * inverseDivisor);
    }

    private ref struct ZScoreSink(ReadOnlySpan<double> x, Span<double> y, double inverseDivisor) : WindowMoments.ISink
    {
        private readonly ReadOnlySpan<double> _x = x;
        private readonly Span<double> _y = y;

        public void Write(int t, double anchor, double meanOffset, double m2) =>
            _y[t] = m2 > 0 ? (_x[t] - anchor - meanOffset) / Math.Sqrt(m2 * inverseDivisor) : double.NaN;
    }
}
