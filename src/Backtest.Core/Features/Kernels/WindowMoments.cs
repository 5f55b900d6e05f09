namespace Backtest.Core.Features.Kernels;

/// <summary>
/// Exact rolling mean and sum of squared deviations (M2) with the same block scheme as <see cref="WindowSums"/>:
/// the window ending at t merges the previous block's suffix and t's block's prefix with Chan's pairwise formula
/// M2 = M2a + M2b + δ²·na·nb/n. Each prefix and suffix is accumulated Welford-style in offsets from an anchor value
/// that belongs to it (its block's first or last value), so with clustered data (1e9 + noise) every quantity is a
/// small, exactly representable difference and the result keeps full relative precision where E[x²] − E[x]²
/// returns garbage; every term added to M2 is non-negative, so a spike leaving the window leaves no residue.
/// </summary>
internal static class WindowMoments
{
    /// <summary>Receives the moments of each complete window, specialised per struct so the call inlines.</summary>
    internal interface ISink
    {
        /// <summary>
        /// The window ending at <paramref name="t"/> has mean <paramref name="anchor"/> + <paramref name="meanOffset"/>
        /// (kept apart so x[t] − mean can be formed without rounding the mean at the data's magnitude) and M2
        /// <paramref name="m2"/>.
        /// </summary>
        void Write(int t, double anchor, double meanOffset, double m2);
    }

    /// <summary>
    /// Calls <paramref name="sink"/> for every t ≥ window−1 in increasing order with the moments of x[t−window+1..t]
    /// (NaN when the window holds a NaN). Only x[..t] determines output t, and blocks are aligned at index 0, so the
    /// output is bit-identical when later bars are dropped.
    /// </summary>
    public static void Compute<TSink>(ReadOnlySpan<double> x, int window, ref TSink sink) where TSink : struct, ISink, allows ref struct
    {
        var n = x.Length;
        if (n < window) return;

        // Tables by count k (1/k, (k−1)/k) and by split position p (na·nb/n, na/n); divisions stay out of the loops.
        var tables = new double[4 * window + 1];
        var inverse = tables.AsSpan(0, window + 1);              // [k] = 1/k
        var shrink = tables.AsSpan(window + 1, window);            // [k−1] = (k−1)/k
        var pairFactor = tables.AsSpan(2 * window + 1, window);    // [p] = na·nb/n, nb = p+1 prefix values
        var suffixShare = tables.AsSpan(3 * window + 1, window);   // [p] = na/n
        for (var k = 1; k <= window; k++)
        {
            inverse[k] = 1.0 / k;
            shrink[k - 1] = (k - 1) / (double)k;
        }
        for (var p = 0; p < window; p++)
        {
            double nb = p + 1, na = window - nb;
            pairFactor[p] = na * nb / window;
            suffixShare[p] = na / window;
        }

        var scratch = new double[2 * window];
        var suffixMean = scratch.AsSpan(0, window); // offsets from the previous block's last value
        var suffixM2 = scratch.AsSpan(window, window);

        for (var blockStart = 0; blockStart < n; blockStart += window)
        {
            var length = Math.Min(window, n - blockStart);
            var block = x.Slice(blockStart, length);
            var anchor = block[0];
            double suffixAnchor = 0;
            if (blockStart > 0)
            {
                var previous = x.Slice(blockStart - window, window);
                suffixAnchor = previous[window - 1];
                Suffixes(previous, inverse, shrink, suffixMean, suffixM2);
            }

            double shifted = 0, mean = 0, m2 = 0; // mean is an offset from the anchor
            for (var p = 0; p < length; p++)
            {
                var d = block[p] - anchor;
                var e = d - mean;
                shifted += d;
                mean = shifted * inverse[p + 1];
                m2 += shrink[p] * e * e;
                if (p == window - 1)
                {
                    sink.Write(blockStart + p, anchor, mean, m2); // the window is exactly this block
                }
                else if (blockStart > 0)
                {
                    var delta = (anchor - suffixAnchor) + (mean - suffixMean[p + 1]);
                    sink.Write(blockStart + p, anchor, mean - delta * suffixShare[p], suffixM2[p + 1] + m2 + delta * delta * pairFactor[p]);
                }
            }
        }
    }

    /// <summary>Mean offset and M2 of every suffix block[j..] for j ≥ 1, accumulated backward around the block's last value.</summary>
    private static void Suffixes(ReadOnlySpan<double> block, ReadOnlySpan<double> inverse, ReadOnlySpan<double> shrink, Span<double> suffixMean, Span<double> suffixM2)
    {
        var last = block.Length - 1;
        var anchor = block[last];
        double shifted = 0, m2 = 0, mean = 0;
        for (var j = last; j >= 1; j--)
        {
            var k = block.Length - j;
            var d = block[j] - anchor;
            var e = d - mean;
            shifted += d;
            mean = shifted * inverse[k];
            m2 += shrink[k - 1] * e * e;
            suffixMean[j] = mean;
            suffixM2[j] = m2;
        }
    }
}
