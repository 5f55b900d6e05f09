using Backtest.Core.Bars;
using Backtest.Core.Cleaning;
using Backtest.Core.Features;
using Backtest.Core.Market;
using Backtest.Core.Research;
using Backtest.Core.Simulation;
using Backtest.Core.Statistics;
using Backtest.Core.Time;
using Backtest.Lake.Specs;
using Backtest.Stages.Atlas;
using Backtest.Stages.Events;
using Backtest.Testing;

namespace Backtest.Pipeline.Tests.Research;

/// <summary>
/// The research path of the pipeline (simulate → clean → features → events → discovery statistics → gating)
/// run in memory with the same functions the stages call and the repository's default specs, so the null and
/// power experiments can afford hundreds of seeds.
/// </summary>
public sealed class ResearchHarness
{
    private readonly ResearchSpecs _specs;
    private readonly IReadOnlyList<PlannedHypothesis> _family;
    private readonly DiscoveryGates _gates;

    public ResearchHarness()
    {
        _specs = ResearchSpecs.Load(RepoPaths.Root);
        _gates = GatesLoader.Load(RepoPaths.Root).Discovery;
        var templates = AtlasTemplates.Build(_specs.Claims, _specs.Concepts.ToDictionary(kv => kv.Key, kv => kv.Value.Concept),
            _specs.Events.Keys.ToHashSet(), _specs.Features.Graph.Ids.ToHashSet());
        var fields = new HashSet<string>(BarFrame.FieldNames);
        _family = AtlasPlanner.Plan(templates, [Symbol], new Dictionary<string, SymbolData> { [Symbol] = new(Symbol, int.MaxValue, fields) },
            _specs.EventFields(), new PlanSettings(100_000, 1)).Hypotheses;
    }

    public const string Symbol = "BTCUSDT";

    /// <summary>The default family for one symbol (every hypothesis a default run tests).</summary>
    public IReadOnlyList<PlannedHypothesis> Family => _family;

    /// <summary>One seed: the gated family (hypothesis id → passed, mean) on a simulated market with <paramref name="effects"/>.</summary>
    public IReadOnlyList<(PlannedHypothesis Hypothesis, HypothesisResult Result, DiscoveryVerdict Verdict)> Run(ulong seed, int days, IReadOnlyList<PlantedEffect> effects)
    {
        var tf = new Timeframe(5);
        var market = MarketSimulator.Simulate(new SimulationSettings(Symbol, seed, UtcTime.FromDate(2023, 1, 1), days, tf, effects));
        var bars = BarCleaner.Clean(Symbol, market.Klines, market.Funding, market.OpenInterest, new CleanSettings(tf)).Bars;
        var graph = _specs.Features.Graph;
        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var id in graph.Order)
            columns[id] = FeatureComputer.Compute(graph[id], bars, f => columns[f], graph.Catalog);
        var logClose = bars.Close.Select(c => Math.Log(c)).ToArray();
        var occurrences = _specs.Events.ToDictionary(kv => kv.Key, kv => EventsStage.Detect(kv.Value.Event, bars, columns).BarIndex);
        var results = _family.Select(h => HypothesisTest.Evaluate(logClose, occurrences[h.Event], h.Horizon, h.Direction.Sign())).ToArray();
        var verdicts = DiscoveryGating.Apply(results.Select(r => r.Count).ToArray(), results.Select(r => r.Ess).ToArray(),
            results.Select(r => r.P).ToArray(), results.Select(r => r.MeanBps).ToArray(), results.Select(r => r.HacT).ToArray(), _gates);
        return _family.Select((h, i) => (h, results[i], verdicts[i])).ToArray();
    }
}
