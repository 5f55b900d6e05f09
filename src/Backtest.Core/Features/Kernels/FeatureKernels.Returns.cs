using System.Runtime.Intrinsics;

namespace Backtest.Core.Features.Kernels;

public static partial class FeatureKernels
{
    /// <summary>
    /// Simple return over <paramref name="bars"/> bars: x[t]/x[t−bars] − 1; NaN for t &lt; bars, when either value is
    /// NaN, and when x[t−bars] is 0 (no base to measure against).
    /// </summary>
    public static void SimpleReturn(ReadOnlySpan<double> x, int bars, Span<double> y)
    {
        CheckPeriod(bars, 1, nameof(bars));
        CheckLength(x.Length, y.Length);
        var warm = Math.Min(bars, y.Length);
        y[..warm].Fill(double.NaN);
        for (var t = bars; t < y.Length; t++)
        {
            var basis = x[t - bars];
            y[t] = basis == 0 ? double.NaN : x[t] / basis - 1.0;
        }
    }

    /// <summary>
    /// Log change over <paramref name="bars"/> bars: ln(x[t]/x[t−bars]), the return convention of every feature
    /// (additive over time); also the open-interest change. NaN for t &lt; bars and unless both values are positive
    /// (a log of zero or of a negative level has no meaning here).
    /// </summary>
    public static void LogReturn(ReadOnlySpan<double> x, int bars, Span<double> y)
    {
        CheckPeriod(bars, 1, nameof(bars));
        CheckLength(x.Length, y.Length);
        var warm = Math.Min(bars, y.Length);
        y[..warm].Fill(double.NaN);
        for (var t = bars; t < y.Length; t++)
        {
            double now = x[t], then = x[t - bars];
            y[t] = now > 0 && then > 0 ? Math.Log(now / then) : double.NaN;
        }
    }

    /// <summary>
    /// Realised volatility: √(Σ r²) over the last <paramref name="window"/> returns, t included, times
    /// <paramref name="scale"/> (1 for the plain window volatility; √(bars per year / window) to annualise). The
    /// mean is not subtracted: over short windows the drift is noise, and this is the quadratic-variation estimator.
    /// NaN until the window holds only defined returns.
    /// </summary>
    public static void RealizedVolatility(ReadOnlySpan<double> returns, int window, double scale, Span<double> y)
    {
        WindowSums.CheckShapes(returns.Length, y.Length, window);
        var buffer = System.Buffers.ArrayPool<double>.Shared.Rent(returns.Length);
        try
        {
            var squares = buffer.AsSpan(0, returns.Length);
            for (var t = 0; t < squares.Length; t++) squares[t] = returns[t] * returns[t];
            WindowSums.Sum(squares, window, y);
            if (y.Length >= window) ScaledSquareRoot(y[(window - 1)..], scale);
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// y = √y · scale, four lanes at a time: the JIT's scalar sqrtsd merges into its destination register, which
    /// chains every iteration on the previous one; vector sqrt is correctly rounded too, so the bits are the same.
    /// </summary>
    private static void ScaledSquareRoot(Span<double> y, double scale)
    {
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var factor = Vector256.Create(scale);
            for (; i <= y.Length - 4; i += 4)
            {
                var lanes = y.Slice(i, 4);
                (Vector256.Sqrt(Vector256.Create(lanes)) * factor).CopyTo(lanes);
            }
        }
        for (; i < y.Length; i++) y[i] = Math.Sqrt(y[i]) * scale;
    }

    /// <summary>
    /// Bar range: (high − low)/close, the bar's spread of prices relative to its level. NaN when a field is NaN or
    /// close is not positive.
    /// </summary>
    public static void BarRange(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> y)
    {
        CheckBars(high, low, close, y);
        for (var t = 0; t < y.Length; t++)
            y[t] = close[t] > 0 ? (high[t] - low[t]) / close[t] : double.NaN;
    }
}
