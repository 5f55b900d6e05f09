using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
    /// <summary>
    /// What a kernel makes of a window's moments, specialised per struct so the call inlines: the output at t from
    /// x[t], the window's mean as <paramref name="anchor"/> + <paramref name="meanOffset"/> (kept apart so x[t] − mean
    /// is formed without rounding the mean at the data's magnitude) and its M2. The vector overload does the same
    /// operations lane by lane, so both give the same bits.
    /// </summary>
    internal interface IStatistic
    {
        /// <summary>The output for one window.</summary>
        double Value(double x, double anchor, double meanOffset, double m2);

        /// <summary>The outputs for four windows, one per lane.</summary>
        Vector256<double> Value(Vector256<double> x, Vector256<double> anchor, Vector256<double> meanOffset, Vector256<double> m2);
    }

    /// <summary>Whether this CPU runs the four-lane path (AVX2 and FMA).</summary>
    internal static bool LanesSupported => Vector256.IsHardwareAccelerated && Fma.IsSupported;

    /// <summary>
    /// y[t] = statistic(moments of x[t−window+1..t]) for every t ≥ window−1 (NaN moments when the window holds a NaN);
    /// y[..window−1] is left alone. Only x[..t] determines y[t], and blocks are aligned at index 0, so the output is
    /// bit-identical when later bars are dropped. With AVX2 and FMA, runs of full blocks go four at a time (one block
    /// per lane, each lane doing exactly the scalar operations, so the results are bit-identical to the scalar path,
    /// which <paramref name="vectorize"/> = false forces for tests).
    /// </summary>
    public static void Compute<TStatistic>(ReadOnlySpan<double> x, int window, Span<double> y, TStatistic statistic, bool vectorize = true)
        where TStatistic : struct, IStatistic
    {
        var n = x.Length;
        if (y.Length != n) throw new ArgumentException($"output length {y.Length} differs from input length {n}", nameof(y));
        if (n < window) return;

        // 1/k by count k = p+1 keeps divisions out of the loops; the other per-position constants are a few
        // multiplications, cheaper than the cache they would take for long windows. Scratch comes from the pool:
        // long windows would otherwise put large-object-heap arrays on the GC at every call.
        var inverse = ArrayPool<double>.Shared.Rent(window);
        var read = ArrayPool<Moments>.Shared.Rent(window);
        var write = ArrayPool<Moments>.Shared.Rent(window);
        try
        {
            for (var p = 0; p < window; p++) inverse[p] = 1.0 / (p + 1);
            var blocks = (n + window - 1) / window;
            if (vectorize && LanesSupported && n / window >= LaneGroupMinimumBlocks)
            {
                // Block 0 has no previous block to merge with; the lane groups start at block 1.
                Scan(x, y, window, inverse, read, write, statistic, fromBlock: 0, toBlock: 1, readAnchor: 0);
                var next = ScanLaneGroups(x, y, window, inverse, read, statistic, out var readAnchor);
                Scan(x, y, window, inverse, read, write, statistic, next, blocks, readAnchor);
            }
            else
            {
                Scan(x, y, window, inverse, read, write, statistic, fromBlock: 0, toBlock: blocks, readAnchor: 0);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(inverse);
            ArrayPool<Moments>.Shared.Return(read);
            ArrayPool<Moments>.Shared.Return(write);
        }
    }

    /// <summary>
    /// Blocks [fromBlock, toBlock) one at a time. <paramref name="read"/> holds the suffix moments of block
    /// fromBlock−1 (anchored at <paramref name="readAnchor"/>, its last value) unless fromBlock is 0.
    /// </summary>
    private static void Scan<TStatistic>(ReadOnlySpan<double> x, Span<double> y, int window, double[] inverse, Moments[] read, Moments[] write,
        TStatistic statistic, int fromBlock, int toBlock, double readAnchor)
        where TStatistic : struct, IStatistic
    {
        var n = x.Length;
        var inverseWindow = 1.0 / window;

        // Hot loop on refs: every index below is within [0, window) or [0, n) by construction, and bounds checks
        // would cost as much as the arithmetic.
        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var y0 = ref MemoryMarshal.GetReference(y);
        ref var i0 = ref MemoryMarshal.GetArrayDataReference(inverse);
        for (var blockStart = fromBlock * window; blockStart < n && blockStart < toBlock * window; blockStart += window)
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
                    Unsafe.Add(ref y0, blockStart + p) = statistic.Value(Unsafe.Add(ref block, p), anchor,
                        Math.FusedMultiplyAdd(-delta, suffixShare, mean),
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
                Unsafe.Add(ref y0, blockStart + window - 1) = statistic.Value(Unsafe.Add(ref block, window - 1), anchor, mean, m2);
            }

            (read, write) = (write, read);
            readAnchor = writeAnchor;
        }
    }

    /// <summary>A lane group needs blocks B..B+6 full (prefixes of B..B+3, suffixes of B+3..B+6), the first B being 1.</summary>
    private const int LaneGroupMinimumBlocks = 8;

    /// <summary>
    /// Full blocks four at a time from block 1: in a group starting at block B, lane k computes the prefix of block
    /// B+k, merges it with the suffix of block B+k−1 (computed by the previous group, or the priming pass), and
    /// computes the suffix of block B+3+k, which the next group's lane k merges with. Every lane does exactly the
    /// scalar operations in the scalar order. The lane loop writes its outputs lane-interleaved; a plain copy then
    /// puts them in place, which measured faster than pulling the lanes apart at every bar.
    /// Returns the first block left to the scalar path and fills <paramref name="read"/> with the suffix of the
    /// block before it, anchored at <paramref name="readAnchor"/>.
    /// </summary>
    private static int ScanLaneGroups<TStatistic>(ReadOnlySpan<double> x, Span<double> y, int window, double[] inverse, Moments[] read,
        TStatistic statistic, out double readAnchor)
        where TStatistic : struct, IStatistic
    {
        var fullBlocks = x.Length / window;
        nint w = window;
        // One buffer for the suffixes a group reads and the ones it writes: a group reads position p+1 and writes
        // position w−1−p at the same slot, so the slot→position map flips between groups (identity, then reversed).
        var suffixes = ArrayPool<LaneMoments>.Shared.Rent(window);
        var values = ArrayPool<Vector256<double>>.Shared.Rent(window);
        try
        {
            ref var x0 = ref MemoryMarshal.GetReference(x);
            ref var i0 = ref MemoryMarshal.GetArrayDataReference(inverse);
            ref var v0 = ref MemoryMarshal.GetArrayDataReference(values);
            var one = Vector256<double>.One;
            var windowLanes = Vector256.Create((double)window);
            var inverseWindow = Vector256.Create(1.0 / window);

            // Priming: the suffixes of blocks 0..3, which the first group (blocks 1..4) merges with.
            var laneAnchor = Lanes(ref Unsafe.Add(ref x0, w - 1), w);
            {
                ref var m0 = ref MemoryMarshal.GetArrayDataReference(suffixes);
                LaneWelford back = default;
                for (nint p = 0; p < w - 1; p++)
                {
                    var inverseCount = Vector256.Create(Unsafe.Add(ref i0, p));
                    var j = w - 1 - p;
                    back.Add(Lanes(ref Unsafe.Add(ref x0, j), w) - laneAnchor, inverseCount, one - inverseCount);
                    Unsafe.Add(ref m0, j) = new LaneMoments(back.Mean, back.M2);
                }
            }

            var identity = true; // suffix position q is at slot q (else at slot w − q)
            var block = 1;
            for (; block + LaneGroupMinimumBlocks - 1 <= fullBlocks; block += 4)
            {
                // Prefix lanes: blocks B..B+3; suffix lanes: blocks B+3..B+6.
                ref var a0 = ref Unsafe.Add(ref x0, block * w);
                ref var a1 = ref Unsafe.Add(ref a0, w);
                ref var a2 = ref Unsafe.Add(ref a1, w);
                ref var a3 = ref Unsafe.Add(ref a2, w);
                ref var b1 = ref Unsafe.Add(ref a3, w);
                ref var b2 = ref Unsafe.Add(ref b1, w);
                ref var b3 = ref Unsafe.Add(ref b2, w);
                var anchor = Vector256.Create(a0, a1, a2, a3);
                var writeAnchor = Vector256.Create(Unsafe.Add(ref b1, -1), Unsafe.Add(ref b2, -1), Unsafe.Add(ref b3, -1), Unsafe.Add(ref b3, w - 1));
                var anchorGap = anchor - laneAnchor;
                if (w <= PrefetchMaximumWindow && block + 4 + LaneGroupMinimumBlocks - 1 <= fullBlocks)
                    Prefetch(ref Unsafe.Add(ref b1, 4 * w), 3 * w);
                // Step p reads suffix position p+1 and writes position w−1−p at slot(p): p+1 while the map is the
                // identity, w−1−p while it is reversed.
                ref var slot0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(suffixes), identity ? 1 : w - 1);
                nint slotStep = identity ? 1 : -1;

                LaneWelford front = default, back = default; // prefixes of the prefix lanes, suffixes of the suffix lanes
                var count = Vector256<double>.Zero;
                for (nint p = 0; p < w - 1; p++)
                {
                    var inverseCount = Vector256.Create(Unsafe.Add(ref i0, p)); // 1/k, k = p + 1
                    var shrink = one - inverseCount;
                    count += one;
                    var current = Vector256.Create(Unsafe.Add(ref a0, p), Unsafe.Add(ref a1, p), Unsafe.Add(ref a2, p), Unsafe.Add(ref a3, p));
                    front.Add(current - anchor, inverseCount, shrink);

                    ref var slot = ref Unsafe.Add(ref slot0, p * slotStep);
                    var suffix = slot; // read before this step's suffix takes the slot
                    var j = w - 1 - p;
                    back.Add(Vector256.Create(Unsafe.Add(ref a3, j), Unsafe.Add(ref b1, j), Unsafe.Add(ref b2, j), Unsafe.Add(ref b3, j)) - writeAnchor,
                        inverseCount, shrink);
                    slot = new LaneMoments(back.Mean, back.M2);

                    var delta = anchorGap + (front.Mean - suffix.Mean);
                    var suffixShare = (windowLanes - count) * inverseWindow; // na/n
                    Unsafe.Add(ref v0, p) = statistic.Value(current, anchor, Vector256.FusedMultiplyAdd(-delta, suffixShare, front.Mean),
                        Vector256.FusedMultiplyAdd(delta * delta, suffixShare * count, suffix.M2 + front.M2)); // na·nb/n
                }
                {
                    // The window ending at each block's last bar is exactly the block.
                    var inverseCount = Vector256.Create(Unsafe.Add(ref i0, w - 1));
                    var current = Vector256.Create(Unsafe.Add(ref a0, w - 1), Unsafe.Add(ref a1, w - 1), Unsafe.Add(ref a2, w - 1), Unsafe.Add(ref a3, w - 1));
                    front.Add(current - anchor, inverseCount, one - inverseCount);
                    Unsafe.Add(ref v0, w - 1) = statistic.Value(current, anchor, front.Mean, front.M2);
                }
                Deinterleave(values, y.Slice(block * window, 4 * window), window);

                identity = !identity;
                laneAnchor = writeAnchor;
            }

            // Lane 0 of the last suffixes is the block before the first one left over.
            for (var p = 1; p < window; p++)
            {
                var suffix = suffixes[identity ? p : window - p];
                read[p] = new Moments(suffix.Mean.ToScalar(), suffix.M2.ToScalar());
            }
            readAnchor = laneAnchor.ToScalar();
            return block;
        }
        finally
        {
            ArrayPool<LaneMoments>.Shared.Return(suffixes);
            ArrayPool<Vector256<double>>.Shared.Return(values);
        }
    }

    /// <summary>
    /// Windows up to this long get their next group's new blocks prefetched: each group's suffix lanes read three
    /// blocks for the first time, backward, as four short streams the hardware prefetchers barely learn (a third of
    /// the time at window 100 went to waiting for them). Longer streams are learnt, and prefetching them would only
    /// evict the group's own data.
    /// </summary>
    private const int PrefetchMaximumWindow = 4096;

    /// <summary>Asks for <paramref name="count"/> values from <paramref name="first"/> on to be brought into the L1 cache.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(ref double first, nint count)
    {
        // A prefetch is a hint that never faults, so an unpinned address (the GC may move the array) is harmless.
        var from = (byte*)Unsafe.AsPointer(ref first);
        for (nint offset = 0; offset < count * sizeof(double); offset += 64) Sse.Prefetch0(from + offset);
    }

    /// <summary>x[i], x[i+w], x[i+2w], x[i+3w]: the same position in four consecutive blocks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Lanes(ref double first, nint w) =>
        Vector256.Create(first, Unsafe.Add(ref first, w), Unsafe.Add(ref first, 2 * w), Unsafe.Add(ref first, 3 * w));

    /// <summary>y[k·w + p] = lane k of values[p]: the lane-interleaved outputs of four blocks put in place.</summary>
    private static void Deinterleave(Vector256<double>[] values, Span<double> y, int window)
    {
        ref var v0 = ref Unsafe.As<Vector256<double>, double>(ref MemoryMarshal.GetArrayDataReference(values));
        for (var k = 0; k < 4; k++)
        {
            var lane = y.Slice(k * window, window);
            for (var p = 0; p < lane.Length; p++) lane[p] = Unsafe.Add(ref v0, 4 * p + k);
        }
    }

    /// <summary>
    /// Welford's running mean and M2 of four lanes' anchored offsets, in the scalar path's operations and order. A
    /// struct of three vectors: the JIT keeps it in registers once <see cref="Add"/> is inlined.
    /// </summary>
    private struct LaneWelford
    {
        public Vector256<double> Shifted, Mean, M2;

        /// <summary>Adds the k-th offset <paramref name="d"/>, given 1/k and (k−1)/k.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(Vector256<double> d, Vector256<double> inverseCount, Vector256<double> shrink)
        {
            var e = d - Mean;
            Shifted += d;
            Mean = Shifted * inverseCount;
            M2 = Vector256.FusedMultiplyAdd(shrink * e, e, M2);
        }
    }

    /// <summary>Suffix moments of four blocks, one per lane.</summary>
    private readonly record struct LaneMoments(Vector256<double> Mean, Vector256<double> M2);

    /// <summary>Mean offset from the block's anchor and M2 of one suffix.</summary>
    private readonly record struct Moments(double Mean, double M2);
}
