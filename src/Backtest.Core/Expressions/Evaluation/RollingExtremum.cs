using System.Buffers;
using System.Numerics.Tensors;

namespace Backtest.Core.Expressions.Evaluation;

/// <summary>
/// highest/lowest over the previous k bars, EXCLUDING the current one. Excluding bar t is what makes
/// `cross_above(close, highest(high, 20))` a breakout above the prior range. The result is NaN for t &lt; k and
/// whenever a NaN lies in the window (a gap never hides inside a max).
/// </summary>
/// <remarks>
/// van Herk / Gil–Werman: cut the series into blocks of k bars; a running max from each block's start (g) and
/// one from each block's end (h) give any k-bar window [s, s+k−1] as max(h[s], g[s+k−1]). Three passes, no
/// data-dependent branches, O(n) for any k — a monotonic deque is also O(n) but mispredicts on price data.
/// NaN needs no bookkeeping: Math.Max/Min and TensorPrimitives.Max/Min propagate it, so a NaN reaches every
/// window whose h or g part covers it, and only those.
/// </remarks>
internal static class RollingExtremum
{
    /// <summary>output[t] = max(x[t−k .. t−1]). The output may be the input buffer itself.</summary>
    public static void Highest(ReadOnlySpan<double> x, int k, Span<double> output) => Run<Greater>(x, k, output);

    /// <summary>output[t] = min(x[t−k .. t−1]). The output may be the input buffer itself.</summary>
    public static void Lowest(ReadOnlySpan<double> x, int k, Span<double> output) => Run<Less>(x, k, output);

    private interface IExtremum
    {
        static abstract double Pick(double a, double b);
        static abstract void Pick(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination);
    }

    private readonly struct Greater : IExtremum
    {
        public static double Pick(double a, double b) => Math.Max(a, b);
        public static void Pick(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination) => TensorPrimitives.Max(a, b, destination);
    }

    private readonly struct Less : IExtremum
    {
        public static double Pick(double a, double b) => Math.Min(a, b);
        public static void Pick(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination) => TensorPrimitives.Min(a, b, destination);
    }

    private static void Run<TPick>(ReadOnlySpan<double> x, int k, Span<double> output) where TPick : struct, IExtremum
    {
        var n = output.Length;
        if (k >= n)
        {
            output.Fill(double.NaN);
            return;
        }
        var fromStartBuffer = ArrayPool<double>.Shared.Rent(n);
        var fromEndBuffer = ArrayPool<double>.Shared.Rent(n);
        var fromStart = fromStartBuffer.AsSpan(0, n);
        var fromEnd = fromEndBuffer.AsSpan(0, n);
        for (var blockStart = 0; blockStart < n; blockStart += k)
        {
            var blockEnd = Math.Min(blockStart + k, n) - 1;
            // The two scans are independent dependency chains: interleaved, the CPU overlaps their latencies.
            var up = x[blockStart];
            var down = x[blockEnd];
            fromStart[blockStart] = up;
            fromEnd[blockEnd] = down;
            for (var step = 1; step <= blockEnd - blockStart; step++)
            {
                up = TPick.Pick(up, x[blockStart + step]);
                fromStart[blockStart + step] = up;
                down = TPick.Pick(down, x[blockEnd - step]);
                fromEnd[blockEnd - step] = down;
            }
        }
        // Window of bar t is [t−k, t−1]: from its start's block end back, and from its end's block start on.
        // x is no longer read, so output may alias it.
        TPick.Pick(fromEnd[..(n - k)], fromStart.Slice(k - 1, n - k), output[k..]);
        output[..k].Fill(double.NaN);
        ArrayPool<double>.Shared.Return(fromStartBuffer);
        ArrayPool<double>.Shared.Return(fromEndBuffer);
    }
}
