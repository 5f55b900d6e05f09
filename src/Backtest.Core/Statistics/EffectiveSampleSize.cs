namespace Backtest.Core.Statistics;

/// <summary>
/// Effective sample sizes (STATISTICS.md §3): how many independent observations a correlated or
/// overlapping sample is worth. Discovery uses ESS, not the raw count, for degrees of freedom and the
/// <c>min_ess</c> gate.
/// </summary>
public static class EffectiveSampleSize
{
    /// <summary>How event-sample ESS is computed, for output records.</summary>
    public const string EventUniquenessConvention =
        "event uniqueness: c_t = number of event windows covering bar t; uniqueness_i = mean over the bars of window i of 1/c_t; " +
        "ESS = sum of uniqueness (equal-length windows: |union of windows| / length)";

    /// <summary>N/h: the large-N limit for N overlapping h-bar sums of iid bars.</summary>
    public static double OverlappingAsymptotic(int count, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        return (double)count / horizon;
    }

    /// <summary>
    /// N / (1 + 2 Σ_{k=1}^{N−1} (1 − k/N) ρ_k) with ρ_k = max(0, 1 − k/h), the exact autocorrelation of
    /// overlapping h-bar sums of iid bars (N=1000, h=12 → 83.6657). 0 for N = 0.
    /// </summary>
    public static double OverlappingFinite(int count, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        if (count == 0) return 0.0;
        var sum = 0.0;
        var last = Math.Min(horizon - 1, count - 1);
        for (var k = 1; k <= last; k++)
            sum += (1.0 - (double)k / count) * (1.0 - (double)k / horizon);
        return count / (1.0 + 2.0 * sum);
    }

    /// <summary>
    /// N / (1 + 2 Σ_{k=1}^{N−1} (1 − k/N) ρ_k) for given autocorrelations, <paramref name="autocorrelations"/>[k−1] = ρ_k
    /// (lags beyond the span are taken as 0).
    /// </summary>
    public static double FromAutocorrelations(int count, ReadOnlySpan<double> autocorrelations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0) return 0.0;
        var sum = 0.0;
        var last = Math.Min(autocorrelations.Length, count - 1);
        for (var k = 1; k <= last; k++)
            sum += (1.0 - (double)k / count) * autocorrelations[k - 1];
        return count / (1.0 + 2.0 * sum);
    }

    /// <summary>
    /// Per-event uniqueness for arbitrary inclusive bar windows [first_i, last_i] (label uniqueness, López de
    /// Prado): uniqueness_i = mean over the bars of window i of 1/c_t, c_t = number of windows covering bar t.
    /// Returns Σ uniqueness, the ESS. Throws on an empty or inverted window.
    /// </summary>
    public static double EventUniqueness(ReadOnlySpan<int> first, ReadOnlySpan<int> last, Span<double> uniqueness)
    {
        var n = first.Length;
        if (last.Length != n || uniqueness.Length != n)
            throw new ArgumentException($"first ({n}), last ({last.Length}) and uniqueness ({uniqueness.Length}) must have the same length");
        if (n == 0) return 0.0;

        var lo = int.MaxValue;
        var hi = int.MinValue;
        for (var i = 0; i < n; i++)
        {
            if (last[i] < first[i])
                throw new ArgumentException($"event {i} has window [{first[i]}, {last[i]}]: the last bar precedes the first, so it covers no bar");
            if (first[i] < lo) lo = first[i];
            if (last[i] > hi) hi = last[i];
        }

        // Concurrency by a difference array over the covered range, then prefix sums of 1/c so each event's
        // mean is one subtraction: O(events + bars spanned).
        var span = (long)hi - lo + 1;
        if (span > int.MaxValue - 1) throw new ArgumentException($"event windows span {span} bars, more than an array can index");
        var width = (int)span;
        var delta = new int[width + 1];
        for (var i = 0; i < n; i++)
        {
            delta[first[i] - lo]++;
            delta[last[i] - lo + 1]--;
        }
        var inverseCumulative = new double[width + 1];
        var concurrency = 0;
        for (var t = 0; t < width; t++)
        {
            concurrency += delta[t];
            inverseCumulative[t + 1] = inverseCumulative[t] + (concurrency > 0 ? 1.0 / concurrency : 0.0);
        }

        var ess = 0.0;
        for (var i = 0; i < n; i++)
        {
            var a = first[i] - lo;
            var b = last[i] - lo + 1;
            var u = (inverseCumulative[b] - inverseCumulative[a]) / (b - a);
            uniqueness[i] = u;
            ess += u;
        }
        return ess;
    }

    /// <summary>
    /// The same uniqueness from an indicator matrix (row-major, rows = bars, columns = events, nonzero = the
    /// event's window covers the bar), the representation the literature prints. Returns the ESS.
    /// </summary>
    public static double EventUniqueness(ReadOnlySpan<byte> indicator, int bars, int events, Span<double> uniqueness)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bars);
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        if (indicator.Length != (long)bars * events)
            throw new ArgumentException($"indicator has {indicator.Length} cells but {bars} bars x {events} events = {(long)bars * events}", nameof(indicator));
        if (uniqueness.Length != events)
            throw new ArgumentException($"uniqueness has length {uniqueness.Length} but there are {events} events", nameof(uniqueness));

        uniqueness.Clear();
        Span<int> covered = events <= 256 ? stackalloc int[events] : new int[events];
        for (var t = 0; t < bars; t++)
        {
            var row = indicator.Slice(t * events, events);
            var c = 0;
            foreach (var cell in row) if (cell != 0) c++;
            if (c == 0) continue;
            var inv = 1.0 / c;
            for (var j = 0; j < events; j++)
                if (row[j] != 0) { uniqueness[j] += inv; covered[j]++; }
        }
        var ess = 0.0;
        for (var j = 0; j < events; j++)
        {
            if (covered[j] == 0) throw new ArgumentException($"event {j} covers no bar in the indicator matrix, so its uniqueness is undefined", nameof(indicator));
            uniqueness[j] /= covered[j];
            ess += uniqueness[j];
        }
        return ess;
    }

    /// <summary>
    /// Per-event uniqueness for events at bar indices <paramref name="starts"/> whose forward windows are
    /// (i, i + h], the discovery sample's windows. Returns the ESS (equal to <see cref="ForEqualWindows"/>).
    /// </summary>
    public static double EventUniqueness(ReadOnlySpan<int> starts, int horizon, Span<double> uniqueness)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var first = new int[starts.Length];
        var last = new int[starts.Length];
        for (var i = 0; i < starts.Length; i++)
        {
            if ((long)starts[i] + horizon > int.MaxValue)
                throw new ArgumentOutOfRangeException(nameof(starts), starts[i], $"event {i} at bar {starts[i]} with horizon {horizon} runs past the last indexable bar");
            first[i] = starts[i] + 1;
            last[i] = starts[i] + horizon;
        }
        return EventUniqueness(first, last, uniqueness);
    }

    /// <summary>
    /// ESS of events at sorted bar indices whose windows (i, i + h] all have length h. Summing uniqueness over
    /// events counts every covered bar exactly once (Σ_i Σ_{t∈W_i} 1/c_t = Σ_t c_t/c_t), so ESS = |∪ W_i| / h:
    /// O(events), no scratch. Throws when the indices are not strictly increasing.
    /// </summary>
    public static double ForEqualWindows(ReadOnlySpan<int> sortedStarts, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var n = sortedStarts.Length;
        if (n == 0) return 0.0;
        long union = horizon;
        for (var i = 1; i < n; i++)
        {
            var gap = (long)sortedStarts[i] - sortedStarts[i - 1];
            if (gap <= 0)
                throw new ArgumentException($"event starts must be strictly increasing: index {i} is {sortedStarts[i]} after {sortedStarts[i - 1]}", nameof(sortedStarts));
            union += Math.Min(gap, horizon);
        }
        return (double)union / horizon;
    }

    /// <summary>Kish's effective size of a weighted sample: (Σw)² / Σw² (w = 1 1 1 1 2 2 4 → 5.142857); 0 when all weights are 0.</summary>
    public static double Kish(ReadOnlySpan<double> weights)
    {
        var sum = 0.0;
        var sumSquares = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            var w = weights[i];
            if (!(w >= 0.0) || double.IsPositiveInfinity(w))
                throw new ArgumentOutOfRangeException(nameof(weights), w, $"weight at index {i} is {w}: Kish weights must be finite and non-negative");
            sum += w;
            sumSquares += w * w;
        }
        return sumSquares == 0.0 ? 0.0 : sum * sum / sumSquares;
    }
}
