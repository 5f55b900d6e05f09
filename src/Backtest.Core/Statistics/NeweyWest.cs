using System.Buffers;

namespace Backtest.Core.Statistics;

/// <summary>
/// Newey–West (Bartlett kernel) HAC standard error of a sample mean (STATISTICS.md §2): overlapping
/// forward returns are autocorrelated by construction, and the iid standard error would overstate t.
/// </summary>
public static class NeweyWest
{
    /// <summary>How the HAC standard error is computed, for output records.</summary>
    public const string Convention =
        "Newey-West HAC SE of the mean: gamma_l = (1/T) sum (x_t - mean)(x_{t-l} - mean), Bartlett weights 1 - l/(L+1), " +
        "SE = sqrt((gamma_0 + 2 sum w_l gamma_l) / T), no prewhitening, no small-sample factor unless stated";

    /// <summary>The automatic lag ⌊4 (T/100)^{2/9}⌋ (T = 20 → 2, 1000 → 6, 105,120 → 18); 0 for T ≤ 0.</summary>
    public static int AutomaticLag(int sampleSize) =>
        sampleSize <= 0 ? 0 : (int)Math.Floor(4.0 * Math.Pow(sampleSize / 100.0, 2.0 / 9.0));

    /// <summary>
    /// The lag for h-bar overlapping forward returns: max(automatic, h − 1), since consecutive h-bar sums share
    /// up to h − 1 bars and are correlated that far.
    /// </summary>
    public static int LagForHorizon(int sampleSize, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        return Math.Max(AutomaticLag(sampleSize), horizon - 1);
    }

    /// <summary>
    /// The lag for a sample of h-bar forward returns taken at event bars <paramref name="sortedStarts"/> (strictly
    /// increasing): max(automatic, m), m = the largest number of later events whose windows (s, s + h] overlap an
    /// event's window (s_j &lt; s_k + h). Events that do not overlap are uncorrelated under the null, so m is the
    /// correlation range in event index; with an event on every bar m = h − 1, the bar-grid rule above.
    /// </summary>
    public static int LagForEventSample(ReadOnlySpan<int> sortedStarts, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var n = sortedStarts.Length;
        var overlap = 0;
        var j = 0;
        for (var k = 0; k < n; k++)
        {
            if (j <= k) j = k + 1;
            var end = (long)sortedStarts[k] + horizon;
            while (j < n && sortedStarts[j] < end) j++;
            if (j - k - 1 > overlap) overlap = j - k - 1;
        }
        return Math.Max(AutomaticLag(n), overlap);
    }

    /// <summary>
    /// The HAC standard error of the mean of <paramref name="x"/> with lag <paramref name="lag"/> (lags at or beyond
    /// T contribute nothing). <paramref name="smallSampleCorrection"/> multiplies the variance by T/(T − 1).
    /// NaN for T &lt; 2 (no dispersion can be estimated); exactly 0 when every value is equal.
    /// </summary>
    public static double StandardErrorOfMean(ReadOnlySpan<double> x, int lag, bool smallSampleCorrection = false)
    {
        var t = x.Length;
        if (t < 2) return double.NaN;
        var s = LongRunVariance(x, lag);
        if (smallSampleCorrection) s *= t / (t - 1.0);
        return Math.Sqrt(s / t);
    }

    /// <summary>
    /// S = γ₀ + 2 Σ_{l=1..L} (1 − l/(L+1)) γ_l, the Bartlett-weighted long-run variance (non-negative by
    /// construction of the kernel; clamped at 0 against rounding). NaN for an empty sample or any NaN value;
    /// exactly 0 when every value is equal.
    /// </summary>
    public static double LongRunVariance(ReadOnlySpan<double> x, int lag)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lag);
        var t = x.Length;
        if (t == 0) return double.NaN;

        var sum = 0.0;
        var min = x[0];
        var max = x[0];
        for (var i = 0; i < t; i++)
        {
            var v = x[i];
            sum += v;
            if (v < min) min = v;
            if (v > max) max = v;
        }
        if (double.IsNaN(sum)) return double.NaN;
        // All values equal: the deviations are exactly zero in theory; do not let the rounding of the mean invent variance.
        if (min == max) return 0.0;
        var mean = sum / t;

        var centred = ArrayPool<double>.Shared.Rent(t);
        try
        {
            for (var i = 0; i < t; i++) centred[i] = x[i] - mean;
            return LongRunVarianceOfCentred(centred.AsSpan(0, t), lag);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(centred);
        }
    }

    /// <summary>γ_l = (1/T) Σ_{t=l+1..T} (x_t − m)(x_{t−l} − m), the biased (1/T) autocovariance HAC needs.</summary>
    public static double Autocovariance(ReadOnlySpan<double> x, double mean, int lag)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lag);
        var t = x.Length;
        if (t == 0) return double.NaN;
        var acc = 0.0;
        for (var i = lag; i < t; i++) acc += (x[i] - mean) * (x[i - lag] - mean);
        return acc / t;
    }

    /// <summary>
    /// The Bartlett long-run variance of values already centred on their mean: the allocation-free kernel
    /// discovery calls for every hypothesis.
    /// </summary>
    internal static double LongRunVarianceOfCentred(ReadOnlySpan<double> centred, int lag)
    {
        var t = centred.Length;
        var maxLag = Math.Min(lag, t - 1);
        var s = LaggedProduct(centred, 0);
        for (var l = 1; l <= maxLag; l++)
            s += 2.0 * (1.0 - l / (lag + 1.0)) * LaggedProduct(centred, l);
        s /= t;
        return double.IsNaN(s) ? double.NaN : Math.Max(s, 0.0);
    }

    /// <summary>
    /// Σ_{i≥l} c[i]·c[i−l] with four fixed accumulators: faster than one chain, and unlike a hardware-width
    /// SIMD reduction its summation order is the same on every machine, so outputs stay byte-identical.
    /// </summary>
    private static double LaggedProduct(ReadOnlySpan<double> c, int lag)
    {
        var n = c.Length - lag;
        var a = c.Slice(lag, n);
        var b = c.Slice(0, n);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var i = 0;
        for (; i + 4 <= n; i += 4)
        {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }
}
