using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

        // 1/k by count k = p+1 keeps divisions out of the loops; the other per-position constants are a few
        // multiplications, cheaper than the cache they would take for long windows. Scratch comes from the pool:
        // long windows would otherwise put three large-object-heap arrays per call on the GC.
        var inverse = ArrayPool<double>.Shared.Rent(window);
        var read = ArrayPool<Moments>.Shared.Rent(window);
        var write = ArrayPool<Moments>.Shared.Rent(window);
        try
        {
            for (var p = 0; p < window; p++) inverse[p] = 1.0 / (p + 1);
            // Suffix moments of the previous block (read by the merges) and of the current block (written by the
            // same loop, one step backward per step forward, so the two independent dependency chains overlap).
            // Every slot read was written by the previous full block.
            Scan(x, window, inverse, read, write, sink); // by value: the sink's fields stay in registers (it holds no mutable state)
        }
        finally
        {
            ArrayPool<double>.Shared.Return(inverse);
            ArrayPool<Moments>.Shared.Return(read);
            ArrayPool<Moments>.Shared.Return(write);
        }
    }

    private static void Scan<TSink>(ReadOnlySpan<double> x, int window, double[] inverse, Moments[] read, Moments[] write, TSink output)
        where TSink : struct, ISink, allows ref struct
    {
        var n = x.Length;
        double readAnchor = 0;
        var inverseWindow = 1.0 / window;

        // Hot loop on refs: every index below is within [0, window) or [0, n) by construction, and bounds checks
        // would cost as much as the arithmetic.
        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var i0 = ref MemoryMarshal.GetArrayDataReference(inverse);
        for (var blockStart = 0; blockStart < n; blockStart += window)
        {
            var length = Math.Min(window, n - blockStart);
            ref var block = ref Unsafe.Add(ref x0, blockStart);
            ref var r0 = ref MemoryMarshal.GetArrayDataReference(read);
            ref var w0 = ref MemoryMarshal.GetArrayDataReference(write);
            var anchor = block;
            var merge = blockStart > 0;
            var full = length == window;
            var writeAnchor = Unsafe.Add(ref block, length - 1);
            var anchorGap = anchor - readAnchor;

            double shifted = 0, mean = 0, m2 = 0;             // prefix block[..p], offsets from block[0]
            double backShifted = 0, backMean = 0, backM2 = 0; // suffix block[j..], offsets from block[^1]
            var steps = Math.Min(length, window - 1);
            double count = 0; // p + 1, as a double
            for (var p = 0; p < steps; p++)
            {
                var inverseCount = Unsafe.Add(ref i0, p); // 1/k, k = p + 1
                var shrink = 1.0 - inverseCount;           // (k−1)/k, Welford's weight
                count += 1.0;
                var d = Unsafe.Add(ref block, p) - anchor;
                var e = d - mean;
                shifted += d;
                mean = shifted * inverseCount;
                m2 = Math.FusedMultiplyAdd(shrink * e, e, m2);

                if (full)
                {
                    var j = window - 1 - p;
                    var bd = Unsafe.Add(ref block, j) - writeAnchor;
                    var be = bd - backMean;
                    backShifted += bd;
                    backMean = backShifted * inverseCount;
                    backM2 = Math.FusedMultiplyAdd(shrink * be, be, backM2);
                    Unsafe.Add(ref w0, j) = new Moments(backMean, backM2);
                }

                if (merge)
                {
                    ref readonly var suffix = ref Unsafe.Add(ref r0, p + 1);
                    var delta = anchorGap + (mean - suffix.Mean);
                    var suffixShare = (window - count) * inverseWindow; // na/n
                    output.Write(blockStart + p, anchor, Math.FusedMultiplyAdd(-delta, suffixShare, mean),
                        Math.FusedMultiplyAdd(delta * delta, suffixShare * count, suffix.M2 + m2)); // na·nb/n
                }
            }
            if (full)
            {
                // The window ending at the block's last bar is exactly the block.
                var inverseCount = Unsafe.Add(ref i0, window - 1);
                var d = Unsafe.Add(ref block, window - 1) - anchor;
                var e = d - mean;
                shifted += d;
                mean = shifted * inverseCount;
                m2 = Math.FusedMultiplyAdd((1.0 - inverseCount) * e, e, m2);
                output.Write(blockStart + window - 1, anchor, mean, m2);
            }

            (read, write) = (write, read);
            readAnchor = writeAnchor;
        }
    }

    /// <summary>Mean offset from the block's anchor and M2 of one suffix.</summary>
    private readonly record struct Moments(double Mean, double M2);
}
