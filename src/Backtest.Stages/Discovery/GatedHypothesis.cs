using Backtest.Core.Research;

namespace Backtest.Stages.Discovery;

/// <summary>A tested hypothesis with its plan context (concept, claims) and discovery verdict: one row of hypotheses.parquet.</summary>
public sealed record GatedHypothesis(HypothesisStats Stats, string Concept, IReadOnlyList<string> Claims, DiscoveryVerdict Verdict)
{
    /// <summary>True when p is defined (enough events to test).</summary>
    public bool Tested => Verdict.Tested;
    /// <summary>True when every discovery gate passed.</summary>
    public bool Passed => Verdict.Passed;
}

/// <summary>Joins statistics with the plan and applies the discovery gates (Core) over the window's family.</summary>
public static class DiscoveryGatingStage
{
    /// <summary>Rows in plan order.</summary>
    public static IReadOnlyList<GatedHypothesis> Apply(IReadOnlyList<HypothesisStats> stats, IReadOnlyList<PlannedHypothesis> plan, DiscoveryGates gates)
    {
        var byId = plan.ToDictionary(h => h.Id, StringComparer.Ordinal);
        var verdicts = DiscoveryGating.Apply(
            stats.Select(x => x.N).ToArray(), stats.Select(x => x.Ess).ToArray(), stats.Select(x => x.P).ToArray(),
            stats.Select(x => x.MeanBps).ToArray(), stats.Select(x => x.HacT).ToArray(), gates);
        return stats.Select((x, i) =>
        {
            var h = byId.TryGetValue(x.Id, out var p) ? p : throw new InvalidDataException($"statistics for '{x.Id}', which the plan does not hold");
            return new GatedHypothesis(x, h.Concept, h.Claims, verdicts[i]);
        }).ToArray();
    }
}
