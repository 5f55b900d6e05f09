using System.Globalization;
using System.Text;
using Backtest.Core.Research;

namespace Backtest.Stages.Bridge;

/// <summary>bridge.md (what survived costs and why) and bridge.json (funnel counts).</summary>
public static class BridgeReport
{
    /// <summary>Funnel counts of one window's bridge.</summary>
    public sealed record Summary(string Window, int Candidates, int Passed, string CostDigest, IReadOnlyList<string> PassedIds);

    /// <summary>The counts.</summary>
    public static Summary Summarise(ResearchWindow window, IReadOnlyList<ValidatedHypothesis> rows, string costDigest) =>
        new(window.Id, rows.Count, rows.Count(r => r.Passed), costDigest, rows.Where(r => r.Passed).Select(r => r.Hypothesis.Id).ToArray());

    /// <summary>The readable report.</summary>
    public static string Render(ResearchWindow window, IReadOnlyList<ValidatedHypothesis> rows, BridgeGates gates, string costDigest, bool synthetic)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        if (synthetic) sb.Append("**SYNTHETIC DATA** (built-in simulator)\n\n");
        sb.Append(inv, $"# Bridge: window `{window.Id}`\n\n");
        sb.Append(inv, $"Cost digest `{costDigest}` (spec/costs.yaml). {rows.Count} discovery survivors; {rows.Count(r => r.Passed)} pass after costs.\n\n");
        sb.Append(inv, $"Gates (spec/gates.yaml): net edge ≥ {gates.MinNetEdgeBps:G} bps, net t ≥ {gates.MinNetT:G}, capacity ≥ {gates.MinCapacityUsd:N0} USDT.\n\n");
        sb.Append("Gross is the mean oriented raw forward return (what a position earns, drift included); cost is the round trip ")
          .Append("(2 × taker fee + 2 × half spread + 2 × square-root impact at each event's point-in-time liquidity and intended size) ")
          .Append("plus expected funding over the horizon from the window's settlements (borrow for spot shorts).\n\n");
        sb.Append("| hypothesis | n | gross bps | cost bps | carry bps | net bps | net t | notional | capacity | verdict |\n|---|---|---|---|---|---|---|---|---|---|\n");
        foreach (var r in rows)
        {
            var e = r.Economics;
            var verdict = r.Passed ? "**pass**" : "fail: " + string.Join(", ", r.Gates.Where(g => !g.Passed).Select(g => g.Gate));
            sb.Append(inv, $"| {r.Hypothesis.Id} | {e.N:N0} | {e.GrossBps:F2} | {e.CostBps:F2} | {e.CarryBps:F2} | {e.NetBps:F2} | {e.NetT:F2} | {e.NotionalUsd:N0} | {Money(e.CapacityUsd)} | {verdict} |\n");
        }
        if (rows.Count == 0) sb.Append("| (none: nothing passed discovery in this window) | | | | | | | | | |\n");
        return sb.ToString();
    }

    private static string Money(double v) =>
        double.IsPositiveInfinity(v) ? "unbounded" : double.IsNaN(v) ? "n/a" : v.ToString("N0", CultureInfo.InvariantCulture);
}
