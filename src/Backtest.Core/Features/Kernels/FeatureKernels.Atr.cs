namespace Backtest.Core.Features.Kernels;

public static partial class FeatureKernels
{
    /// <summary>
    /// True range as TA-Lib's TRANGE: from index 1, max(high − low, |high − previous close|, |low − previous close|);
    /// index 0 (no previous close) is NaN. NaN when either bar has a NaN field.
    /// </summary>
    public static void TrueRange(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> y)
    {
        CheckBars(high, low, close, y);
        if (y.Length == 0) return;
        y[0] = double.NaN;
        for (var t = 1; t < y.Length; t++)
            y[t] = IsNaNBar(high[t], low[t], close[t]) || IsNaNBar(high[t - 1], low[t - 1], close[t - 1])
                ? double.NaN
                : TrueRangeAt(high[t], low[t], close[t - 1]);
    }

    /// <summary>
    /// Average true range with TA-Lib/Wilder conventions: TR from index 1; the first ATR, at index
    /// <paramref name="period"/>, is the simple mean of TR[1..period]; then ATR = ATR·(period−1)/period + TR/period
    /// (one fused multiply-add; TA-Lib divides (ATR·(period−1) + TR) by period, a few ulps away). Period 1 is the
    /// true range itself, as in TA-Lib. A bar is defined when high, low and close all are; NaN bars follow the
    /// recursive rule on <see cref="FeatureKernels"/>.
    /// </summary>
    public static void Atr(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period, Span<double> y)
    {
        CheckPeriod(period, 1);
        CheckBars(high, low, close, y);
        var inversePeriod = 1.0 / period;
        var beta = (period - 1) * inversePeriod;
        var n = y.Length;
        var i = 0;
        while (i < n)
        {
            y[i] = double.NaN;
            if (IsNaNBar(high[i], low[i], close[i])) { i++; continue; }
            i++;

            double sum = 0;
            var count = 0;
            while (i < n && count < period)
            {
                if (IsNaNBar(high[i], low[i], close[i])) break;
                sum += TrueRangeAt(high[i], low[i], close[i - 1]);
                y[i++] = double.NaN;
                count++;
            }
            if (count < period) continue;
            var atr = sum / period;
            y[i - 1] = atr;
            for (; i < n; i++)
            {
                double h = high[i], l = low[i], c = close[i];
                if (IsNaNBar(h, l, c)) break;
                atr = Math.FusedMultiplyAdd(atr, beta, TrueRangeAt(h, l, close[i - 1]) * inversePeriod);
                y[i] = atr;
            }
        }
    }

    /// <summary>TA-Lib's TRANGE for defined inputs; MaxNative is one maxsd (no branch), exact since no NaN reaches it.</summary>
    private static double TrueRangeAt(double high, double low, double previousClose) =>
        double.MaxNative(high - low, double.MaxNative(Math.Abs(previousClose - high), Math.Abs(previousClose - low)));

    private static bool IsNaNBar(double high, double low, double close) => double.IsNaN(high + low + close);

    private static void CheckBars(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, Span<double> y)
    {
        CheckLength(high.Length, y.Length, "high");
        CheckLength(low.Length, y.Length, "low");
        CheckLength(close.Length, y.Length, "close");
    }
}
