using Backtest.Core.Statistics;

namespace Backtest.Core.Research;

/// <summary>One hypothesis's discovery verdict: its q-value over the window's family, each gate, and its rank.</summary>
public sealed record DiscoveryVerdict(double Q, IReadOnlyList<GateVerdict> Gates, bool Tested, bool Passed, int Rank);

/// <summary>
/// Applies the discovery gates to a window's whole family of tested hypotheses: q-values over every
/// hypothesis with a defined p (BY by default), then min_events, min_ess, max_q_value, min_abs_mean_bps.
/// A hypothesis is "tested" when its p is defined; only tested hypotheses count in m and can pass.
/// Rank: tested hypotheses by q, then |t| descending, then input order; untested ones after.
/// </summary>
public static class DiscoveryGating
{
    /// <summary>Verdicts in input order.</summary>
    public static DiscoveryVerdict[] Apply(ReadOnlySpan<int> n, ReadOnlySpan<double> ess, ReadOnlySpan<double> p,
        ReadOnlySpan<double> meanBps, ReadOnlySpan<double> hacT, DiscoveryGates gates)
    {
        var m = p.Length;
        if (n.Length != m || ess.Length != m || meanBps.Length != m || hacT.Length != m)
            throw new ArgumentException("every column needs one value per hypothesis");
        var q = FalseDiscovery.QValues(p, gates.FdrMethod);
        var order = new int[m];
        for (var i = 0; i < m; i++) order[i] = i;
        var qs = q;
        var ts = hacT.ToArray();
        Array.Sort(order, (a, b) =>
        {
            var ta = !double.IsNaN(qs[a]);
            var tb = !double.IsNaN(qs[b]);
            if (ta != tb) return ta ? -1 : 1;
            if (ta)
            {
                var c = qs[a].CompareTo(qs[b]);
                if (c != 0) return c;
                c = Math.Abs(ts[b]).CompareTo(Math.Abs(ts[a]));
                if (c != 0) return c;
            }
            return a.CompareTo(b);
        });
        var rank = new int[m];
        for (var r = 0; r < m; r++) rank[order[r]] = r + 1;

        var result = new DiscoveryVerdict[m];
        for (var i = 0; i < m; i++)
        {
            var tested = !double.IsNaN(p[i]);
            GateVerdict[] verdicts =
            [
                GateVerdict.AtLeast("min_events", gates.MinEvents, n[i]),
                GateVerdict.AtLeast("min_ess", gates.MinEss, ess[i]),
                GateVerdict.AtMost("max_q_value", gates.MaxQValue, q[i]),
                GateVerdict.AtLeast("min_abs_mean_bps", gates.MinAbsMeanBps, Math.Abs(meanBps[i])),
            ];
            var passed = tested;
            foreach (var v in verdicts) passed &= v.Passed;
            result[i] = new DiscoveryVerdict(q[i], verdicts, tested, passed, rank[i]);
        }
        return result;
    }
}
