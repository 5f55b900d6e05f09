using System.Runtime.CompilerServices;

namespace Backtest.Core.Features.Kernels;

/// <summary>
/// Exact rolling mean and sum of squared deviations (M2) with the same block scheme as <see cref="WindowSums"/>:
/// the window ending at t merges the previous block's suffix and t's block's prefix with Chan's pairwise formula
/// M2 = M2a + M2b + δ²·na·nb/n. Prefixes and suffixes are accumulated Welford-style around an anchor value that
/// belongs to the set, and every term added is non-negative, so the result keeps full relative precision even for
/// 1e9 + noise where E[x²] − E[x]² returns garbage, and a spike leaving the window leaves no residue.
/// </summary>
internal static class WindowMoments
{
    /// <summary>Receives the moments of each complete window, specialised per struct so the call inlines.</summary>
    internal interface ISink
    {
        /// <summary>The window ending at <paramref name="t"/> has mean <paramref name="mean"/> and M2 <paramref name="m2"/>.</summary>
        void Write(int t, double mean, double m2);
    }

    /// <summary>
    /// Calls <paramref name="sink"/> for every t ≥ window−1 in increasing order with the moments of x[t−window+1..t]
    /// (NaN when the window holds a NaN). Reads x[..t] only for output t.
    /// </summary>
    public static void Compute<TSink>(ReadOnlySpan<double> x, int window, ref TSink sink) where TSink : struct, ISink, allows ref struct
    {
        var n = x.Length;
        if (n < window) return;

        // Tables indexed by count k = 1..window and by position p in the block; one division each, outside the loops.
        var tables = new double[4 * window + 1];
        var inverse = tables.AsSpan(0, window + 1);          // 1/k
        var shrink = tables.AsSpan(window + 1, window);        // (k−1)/k at index k−1
        var pairFactor = tables.AsSpan(2 * window + 1, window); // na·nb/n for a window split at position p
        var prefixShare = tables.AsSpan(3 * window + 1, window); // nb/n
        for (var k = 1; k <= window; k++)
        {
            inverse[k] = 1.0 / k;
            shrink[k - 1] = (k - 1) / (double)k;
        }
        for (var p = 0; p < window; p++)
        {
            double nb = p + 1, na = window - nb;
            pairFactor[p] = na * nb / window;
            prefixShare[p] = nb / window;
        }

        var scratch = new double[2 * window];
        var suffixMean = scratch.AsSpan(0, window);
        var suffixM2 = scratch.AsSpan(window, window);

        // Block 0: only its last position closes a window.
        Prefix(x[..window], inverse, shrink, out var mean0, out var m20);
        sink.Write(window - 1, mean0, m20);

        for (var blockStart = window; blockStart < n; blockStart += window)
        {
            Suffixes(x.Slice(blockStart - window, window), inverse, shrink, suffixMean, suffixM2);
            var length = Math.Min(window, n - blockStart);
            var block = x.Slice(blockStart, length);
            var anchor = block[0];
            double shifted = 0, m2 = 0, mean = anchor;
            for (var p = 0; p < length; p++)
            {
                var v = block[p];
                var e = v - mean;
                shifted += v - anchor;
                mean = anchor + shifted * inverse[p + 1];
                m2 += shrink[p] * e * e;
                if (p == window - 1)
                {
                    sink.Write(blockStart + p, mean, m2);
                    break;
                }
                var ma = suffixMean[p + 1];
                var delta = mean - ma;
                sink.Write(blockStart + p, ma + delta * prefixShare[p], suffixM2[p + 1] + m2 + delta * delta * pairFactor[p]);
            }
        }
    }

    /// <summary>Mean and M2 of a whole block, accumulated forward around its first value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Prefix(ReadOnlySpan<double> block, ReadOnlySpan<double> inverse, ReadOnlySpan<double> shrink, out double mean, out double m2)
    {
        var anchor = block[0];
        double shifted = 0;
        mean = anchor;
        m2 = 0;
        for (var p = 0; p < block.Length; p++)
        {
            var v = block[p];
            var e = v - mean;
            shifted += v - anchor;
            mean = anchor + shifted * inverse[p + 1];
            m2 += shrink[p] * e * e;
        }
    }

    /// <summary>Mean and M2 of every suffix block[j..] for j ≥ 1, accumulated backward around the block's last value.</summary>
    private static void Suffixes(ReadOnlySpan<double> block, ReadOnlySpan<double> inverse, ReadOnlySpan<double> shrink, Span<double> suffixMean, Span<double> suffixM2)
    {
        var last = block.Length - 1;
        var anchor = block[last];
        double shifted = 0, m2 = 0, mean = anchor;
        for (var j = last; j >= 1; j--)
        {
            var k = block.Length - j;
            var v = block[j];
            var e = v - mean;
            shifted += v - anchor;
            mean = anchor + shifted * inverse[k];
            m2 += shrink[k - 1] * e * e;
            suffixMean[j] = mean;
            suffixM2[j] = m2;
        }
    }
}
