using System.Globalization;
using System.Text;
using Backtest.Core.Research;
using Backtest.Core.Statistics;
using Backtest.Core.Time;

namespace Backtest.Stages.Discovery;

/// <summary>discovery.md (ranked, with the funnel) and discovery.json (the counts the report's funnel sums).</summary>
public static class DiscoveryReport
{
    /// <summary>Funnel counts of one window.</summary>
    public sealed record Summary(string Window, int Planned, int Tested, int Passed, string FdrMethod, double MaxQValue, IReadOnlyList<string> PassedIds);

    /// <summary>The counts.</summary>
    public static Summary Summarise(ResearchWindow window, IReadOnlyList<GatedHypothesis> rows, DiscoveryGates gates) =>
        new(window.Id, rows.Count, rows.Count(r => r.Tested), rows.Count(r => r.Passed), gates.FdrMethod.ToString(), gates.MaxQValue,
            rows.Where(r => r.Passed).OrderBy(r => r.Verdict.Rank).Select(r => r.Stats.Id).ToArray());

    /// <summary>The readable report.</summary>
    public static string Render(ResearchWindow window, IReadOnlyList<GatedHypothesis> rows, DiscoveryGates gates, bool synthetic)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        if (synthetic) sb.Append("**SYNTHETIC DATA** (built-in simulator): these results describe planted effects and noise, not a market.\n\n");
        var bounds = window.FromTs == long.MinValue ? "all bars" : $"bar closes in ({UtcTime.Format(window.FromTs)}, {UtcTime.Format(window.ToTs)}]";
        sb.Append(inv, $"# Discovery: window `{window.Id}` ({bounds})\n\n");
        var tested = rows.Count(r => r.Tested);
        var passed = rows.Count(r => r.Passed);
        sb.Append(inv, $"**Funnel:** planned {rows.Count:N0} → tested {tested:N0} → passed gates {passed:N0}\n\n");
        sb.Append(inv, $"Gates (spec/gates.yaml): min_events {gates.MinEvents}, min_ess {gates.MinEss:G}, max_q_value {gates.MaxQValue:G} ({gates.FdrMethod} over all {tested:N0} tested hypotheses), min_abs_mean_bps {gates.MinAbsMeanBps:G}.\n\n");
        sb.Append("Each hypothesis is (symbol, event, horizon, direction); its sample is the forward log return over the horizon after each event, ")
          .Append("oriented by the direction, in excess of the window's mean forward return (STATISTICS.md §7). ")
          .Append("Every tested hypothesis counts in the multiple-testing correction, passing or not.\n\n");
        sb.Append("## Ranked (top 25)\n\n| rank | hypothesis | n | ESS | mean bps | HAC t | p | q | verdict |\n|---|---|---|---|---|---|---|---|---|\n");
        foreach (var r in rows.Where(r => r.Tested).OrderBy(r => r.Verdict.Rank).Take(25))
        {
            var failed = r.Verdict.Gates.Where(g => !g.Passed).Select(g => g.Gate).ToArray();
            var verdict = r.Passed ? "**pass**" : "fail: " + string.Join(", ", failed);
            sb.Append(inv, $"| {r.Verdict.Rank} | {r.Stats.Id} | {r.Stats.N:N0} | {r.Stats.Ess:F1} | {r.Stats.MeanBps:F2} | {r.Stats.HacT:F2} | {r.Stats.P:G3} | {r.Verdict.Q:G3} | {verdict} |\n");
        }
        var untested = rows.Where(r => !r.Tested).ToArray();
        if (untested.Length > 0)
        {
            sb.Append(inv, $"\n## Not testable ({untested.Length:N0})\n\nToo few events in the window for a p-value (ESS < 2 or no dispersion): ");
            sb.Append(string.Join(", ", untested.Take(20).Select(r => $"{r.Stats.Id} (n={r.Stats.N})")));
            if (untested.Length > 20) sb.Append(inv, $", … {untested.Length - 20} more");
            sb.Append('\n');
        }
        sb.Append("\n## Conventions\n\n");
        foreach (var (k, v) in HypothesisTest.ConventionsFor(DiscoverStage.LagRule)) sb.Append("- ").Append(k).Append(": ").Append(v).Append('\n');
        return sb.ToString();
    }
}
