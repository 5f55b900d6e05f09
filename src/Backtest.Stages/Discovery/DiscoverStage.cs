using System.Globalization;
using Backtest.Core.Market;
using Backtest.Core.Research;
using Backtest.Core.Statistics;
using Backtest.Core.Time;
using Backtest.Lake.Files;
using Backtest.Lake.Layout;
using Backtest.Lake.Specs;
using Backtest.Stages.Atlas;
using Backtest.Stages.Pipeline;
using Backtest.Targets;

namespace Backtest.Stages.Discovery;

/// <summary>
/// Discover (STATISTICS.md §7): for each planned hypothesis and research window, one cached action computes
/// its statistics from the window's bars and the event's occurrences only; then one gating action per window
/// adjusts every p-value over the window's whole family (BY by default) and applies spec/gates.yaml's
/// discovery gates, writing hypotheses.parquet (every tested hypothesis, passing or not) and discovery.md.
/// </summary>
public static class DiscoverStage
{
    /// <summary>The whole series as one research window.</summary>
    public static readonly ResearchWindow Full = new("full", long.MinValue, long.MaxValue);

    /// <summary>The HAC lag rule used (see <see cref="HacLagRule"/>; calibrated on simulated nulls).</summary>
    public const HacLagRule LagRule = HacLagRule.EventOverlap;

    /// <summary>Stats and gating actions for each window; needs the plan (Plan target) to enumerate.</summary>
    public static IEnumerable<BuildAction> Actions(PipelineSettings s, IReadOnlyList<ResearchWindow> windows)
    {
        var plan = PlanStage.Read(LakeLayout.Absolute(s.Root, LakeLayout.CandidatePlan));
        var gates = GatesLoader.Load(s.Root);
        var gatesDigest = Hashing.Sha256Hex(GatesLoader.CanonicalSection(gates, "discovery"));
        foreach (var window in windows)
        {
            var stats = new List<string>(plan.Count);
            foreach (var h in plan)
            {
                var output = LakeLayout.HypothesisStats(window.Id, h.Id);
                stats.Add(output);
                yield return StatsAction(s, window, h, output);
            }
            yield return GatingAction(s, window, plan, stats, gates, gatesDigest);
        }
    }

    private static string Bound(long ts) => ts is long.MinValue or long.MaxValue ? "open" : UtcTime.Iso(ts);

    private static BuildAction StatsAction(PipelineSettings s, ResearchWindow window, PlannedHypothesis h, string output)
    {
        var bars = LakeLayout.CleanedBars(s.Market, h.Symbol, s.Timeframe);
        var events = LakeLayout.Event(s.Market, h.Symbol, s.Timeframe, h.Event);
        return new BuildAction
        {
            Partition = $"stats/{window.Id}/{h.Id}",
            Code = StageCode.Assemblies,
            Parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["window"] = $"({Bound(window.FromTs)}, {Bound(window.ToTs)}]",
                ["lag_rule"] = LagRule.ToString(),
            },
            Inputs = [bars, events],
            Outputs = [output],
            Run = ctx =>
            {
                var barsPath = ctx.InputPath(bars);
                var frame = LakeMemo.Bars(barsPath);
                var range = WindowRange.Of(frame.Ts, window);
                var logClose = LakeMemo.LogClose(barsPath);
                var slice = logClose.AsSpan(range.Start, range.Length);
                var drift = LakeMemo.Derived(barsPath, $"drift/{window.FromTs}/{window.ToTs}/{h.Horizon}",
                    () => new[] { HypothesisTest.MeanForwardLogReturn(logClose.AsSpan(range.Start, range.Length), h.Horizon) })[0];
                var occurrences = LakeMemo.Events(ctx.InputPath(events)).BarIndex;
                var inWindow = new List<int>();
                foreach (var i in occurrences)
                    if (i >= range.Start && i < range.End) inWindow.Add(i - range.Start);
                var scratch = new double[Math.Max(1, inWindow.Count)];
                var r = HypothesisTest.Evaluate(slice, inWindow.ToArray(), h.Horizon, h.Direction.Sign(), drift, scratch, LagRule);
                LakeJson.Write(ctx.OutputPath(output), new HypothesisStats(h.Id, window.Id, h.Symbol, h.Event, h.Horizon, h.Direction.ToText(),
                    range.Length, inWindow.Count, r.Count, r.MeanBps, r.SdBps, r.DriftBps, r.Ess, r.HacLag, r.HacT, r.P, LagRule.ToString()));
                ctx.Info = string.Create(CultureInfo.InvariantCulture, $"n={r.Count}, mean {r.MeanBps:F1} bps, t={r.HacT:F2}");
            },
        };
    }

    private static BuildAction GatingAction(PipelineSettings s, ResearchWindow window, IReadOnlyList<PlannedHypothesis> plan,
        IReadOnlyList<string> stats, GateSettings gates, string gatesDigest) => new()
    {
        Partition = $"gate/{window.Id}",
        Code = StageCode.Assemblies,
        SpecDigests = new SortedDictionary<string, string>(StringComparer.Ordinal) { [GatesLoader.Path] = gatesDigest },
        Inputs = [LakeLayout.PlanSummary, .. stats],
        Outputs = [LakeLayout.Hypotheses(window.Id), LakeLayout.DiscoveryReport(window.Id), LakeLayout.DiscoverySummary(window.Id)],
        Run = ctx =>
        {
            var rows = stats.Select(p => LakeJson.Read<HypothesisStats>(ctx.InputPath(p))).ToArray();
            var summary = LakeJson.Read<PlanStage.PlanSummary>(ctx.InputPath(LakeLayout.PlanSummary));
            var gated = DiscoveryGatingStage.Apply(rows, plan, gates.Discovery);
            var synthetic = summary.Sources.Values.Contains(Sources.Sim);
            DiscoveryTable.Write(ctx.OutputPath(LakeLayout.Hypotheses(window.Id)), gated, gates.Discovery);
            File.WriteAllText(ctx.OutputPath(LakeLayout.DiscoveryReport(window.Id)), DiscoveryReport.Render(window, gated, gates.Discovery, synthetic));
            LakeJson.Write(ctx.OutputPath(LakeLayout.DiscoverySummary(window.Id)), DiscoveryReport.Summarise(window, gated, gates.Discovery));
            ctx.Info = string.Create(CultureInfo.InvariantCulture,
                $"{gated.Count(g => g.Tested):N0} tested, {gated.Count(g => g.Passed):N0} passed of {gated.Count:N0} planned");
        },
    };
}
