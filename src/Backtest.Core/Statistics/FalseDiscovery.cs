using System.Buffers;

namespace Backtest.Core.Statistics;

/// <summary>
/// FDR-adjusted q-values over the whole family of hypotheses tested in a window (STATISTICS.md §1): the
/// guard against declaring the best of thousands of tries a discovery. Matches R's <c>p.adjust</c>.
/// </summary>
public static class FalseDiscovery
{
    /// <summary>How q-values are computed, for output records.</summary>
    public const string Convention =
        "q(i) = min over k >= i of min(1, c*m*p(k)/k) over ascending p; c = 1 (BH) or sum_{j<=m} 1/j (BY); " +
        "m counts non-NaN p; NaN p gives NaN q; q returned in input order";

    /// <summary>q-values in input order (BY by default: our hypotheses overlap in time and across symbols).</summary>
    public static double[] QValues(ReadOnlySpan<double> p, FdrMethod method = FdrMethod.BenjaminiYekutieli)
    {
        var q = new double[p.Length];
        QValues(p, q, method);
        return q;
    }

    /// <summary>
    /// Writes q-values into <paramref name="q"/> (same length as <paramref name="p"/>, input order). NaN p
    /// stays NaN and is not counted in m. Throws when a p-value is outside [0, 1].
    /// </summary>
    public static void QValues(ReadOnlySpan<double> p, Span<double> q, FdrMethod method = FdrMethod.BenjaminiYekutieli)
    {
        if (q.Length != p.Length)
            throw new ArgumentException($"q has length {q.Length} but p has length {p.Length}; they must match", nameof(q));

        var m = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var v = p[i];
            if (double.IsNaN(v)) continue;
            if (v < 0.0 || v > 1.0)
                throw new ArgumentOutOfRangeException(nameof(p), v, $"p-value at index {i} is {v}: a p-value must lie in [0, 1] (or be NaN for an untested hypothesis)");
            m++;
        }

        var keys = ArrayPool<double>.Shared.Rent(m);
        var index = ArrayPool<int>.Shared.Rent(m);
        try
        {
            var k = 0;
            for (var i = 0; i < p.Length; i++)
            {
                if (double.IsNaN(p[i])) { q[i] = double.NaN; continue; }
                keys[k] = p[i];
                index[k] = i;
                k++;
            }
            // Tied p-values always receive the same q (the running minimum runs through both), so an
            // unstable sort cannot change the output.
            Array.Sort(keys, index, 0, m);

            var c = method switch
            {
                FdrMethod.BenjaminiHochberg => 1.0,
                FdrMethod.BenjaminiYekutieli => HarmonicNumber(m),
                _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown FDR method"),
            };

            var running = 1.0;
            for (var rank = m; rank >= 1; rank--)
            {
                var adjusted = Math.Min(1.0, c * m * keys[rank - 1] / rank);
                if (adjusted < running) running = adjusted;
                q[index[rank - 1]] = running;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(index);
        }
    }

    /// <summary>c(m) = Σ_{j=1..m} 1/j, the Benjamini–Yekutieli dependence factor (c(15) = 3.318228993).</summary>
    public static double HarmonicNumber(int m)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        var sum = 0.0;
        // Summing the small terms first keeps the rounding error at the level of the result's last digit.
        for (var j = m; j >= 1; j--) sum += 1.0 / j;
        return sum;
    }

    /// <summary>How many q-values are at or below <paramref name="alpha"/> (NaN never counts).</summary>
    public static int CountRejected(ReadOnlySpan<double> q, double alpha)
    {
        var count = 0;
        foreach (var v in q)
            if (v <= alpha) count++;
        return count;
    }
}
