using Backtest.Core.Research;

using Backtest.Core.Market;

namespace Backtest.Core.Tests.Research;

public sealed class AtlasPlannerTests
{
    private static readonly Dictionary<string, ConceptDefinition> Concepts = new()
    {
        ["momentum"] = new("momentum", "shocks continue", ["shock_down", "shock_up"], [Direction.Long, Direction.Short], [12, 48], new(null, null, "atr_14", null)),
        ["funding"] = new("funding", "funding mean-reverts", ["funding_high"], [Direction.Short], [288], new(null, null, "atr_14", null)),
    };
    private static readonly HashSet<string> Events = ["shock_up", "shock_down", "funding_high", "oi_surge"];
    private static readonly HashSet<string> Features = ["ret_1", "funding_z"];
    private static readonly Dictionary<string, IReadOnlySet<string>> EventFields = new()
    {
        ["shock_up"] = new HashSet<string> { "close" }, ["shock_down"] = new HashSet<string> { "close" },
        ["funding_high"] = new HashSet<string> { "funding_rate" }, ["oi_surge"] = new HashSet<string> { "open_interest" },
    };

    private static BacklogClaim Claim(string id, string concept, string[]? events = null, int[]? horizons = null, Direction[]? dirs = null,
        string[]? symbols = null, string[]? needsFeatures = null, int? max = null) =>
        new(id, $"claim {id}", concept, events ?? [], horizons ?? [], dirs ?? [], symbols ?? [], needsFeatures ?? [], [], max, "spec/backlog/x.yaml");

    private static Dictionary<string, SymbolData> Data(params (string Symbol, int Bars, string[] Fields)[] rows) =>
        rows.ToDictionary(r => r.Symbol, r => new SymbolData(r.Symbol, r.Bars, r.Fields.ToHashSet()));

    [Fact]
    public void Templates_list_missing_specs_as_tasks_with_their_claim()
    {
        var set = AtlasTemplates.Build(
            [Claim("b_claim", "nope"), Claim("a_claim", "momentum", events: ["shock_up", "liquidation_wave"], needsFeatures: ["ret_1", "basis"])],
            Concepts, Events, Features);

        Assert.Equal(["a_claim", "b_claim"], set.Templates.Select(t => t.Claim));
        Assert.Equal(
            [
                new SpecTask("event", "liquidation_wave", "a_claim", "claim 'a_claim' needs event 'liquidation_wave', which has no spec in spec/events"),
                new SpecTask("feature", "basis", "a_claim", "claim 'a_claim' needs feature 'basis', which has no spec in spec/features"),
                new SpecTask("concept", "nope", "b_claim", "claim 'b_claim' tests concept 'nope', which has no spec in spec/concepts"),
            ],
            set.Tasks);
    }

    [Fact]
    public void Plan_expands_in_stable_order_and_tests_a_shared_hypothesis_once()
    {
        var set = AtlasTemplates.Build([Claim("c2", "momentum", events: ["shock_up"], horizons: [12]), Claim("c1", "momentum")], Concepts, Events, Features);
        var plan = AtlasPlanner.Plan(set, ["ETHUSDT", "BTCUSDT"], Data(("BTCUSDT", 10_000, ["close"]), ("ETHUSDT", 10_000, ["close"])),
            EventFields, new PlanSettings(1000, 100));

        Assert.Equal(16, plan.Hypotheses.Count); // 2 symbols × 2 events × 2 horizons × 2 directions; c2's 4 are c1's too
        Assert.Equal(20, plan.Candidates);
        Assert.Equal("BTCUSDT/shock_down/h12/long", plan.Hypotheses[0].Id);
        Assert.Equal("BTCUSDT/shock_down/h12/short", plan.Hypotheses[1].Id);
        Assert.Equal("ETHUSDT/shock_up/h48/short", plan.Hypotheses[^1].Id);
        Assert.Equal(["c1", "c2"], plan.Hypotheses.Single(h => h.Id == "ETHUSDT/shock_up/h12/long").Claims);
        Assert.Empty(plan.Dropped);
    }

    [Fact]
    public void Feasibility_names_missing_specs_thin_data_absent_fields_and_budgets()
    {
        var set = AtlasTemplates.Build(
        [
            Claim("a", "momentum", max: 3, symbols: ["BTCUSDT"]),
            Claim("b", "funding"),
            Claim("c", "momentum", events: ["oi_surge"], horizons: [12], dirs: [Direction.Long]),
            Claim("d", "ghost"),
        ], Concepts, Events, Features);
        var plan = AtlasPlanner.Plan(set, ["BTCUSDT", "SOLUSDT"],
            Data(("BTCUSDT", 10_000, ["close", "funding_rate"]), ("SOLUSDT", 50, ["close", "funding_rate"])), EventFields, new PlanSettings(4, 100));

        Assert.Equal(["BTCUSDT/funding_high/h288/short", "BTCUSDT/shock_down/h12/long", "BTCUSDT/shock_down/h12/short", "BTCUSDT/shock_down/h48/long"],
            plan.Hypotheses.Select(h => h.Id));
        string Reason(string candidate) => plan.Dropped.Single(d => d.Candidate == candidate).Reason;
        Assert.Equal("over budget: claim 'a' allows 3 hypotheses", Reason("BTCUSDT/shock_down/h48/short"));
        Assert.Equal("too little data: SOLUSDT has 50 bars, the plan needs 100 (spec/plan.yaml min_bars)", Reason("SOLUSDT/funding_high/h288/short"));
        Assert.Equal("too little data: event 'oi_surge' reads open_interest, which BTCUSDT's source does not provide", Reason("BTCUSDT/oi_surge/h12/long"));
        Assert.Equal("missing spec: concept 'ghost'", plan.Dropped.Single(d => d.Claim == "d").Reason);
        Assert.DoesNotContain(plan.Dropped, d => d.Reason.StartsWith("over budget: the run", StringComparison.Ordinal)); // exactly 4 kept

        var tight = AtlasPlanner.Plan(set, ["BTCUSDT"], Data(("BTCUSDT", 10_000, ["close", "funding_rate"])), EventFields, new PlanSettings(2, 100));
        Assert.Equal(2, tight.Hypotheses.Count);
        Assert.Equal("over budget: the run allows 2 hypotheses (spec/plan.yaml)", tight.Dropped.Single(d => d.Candidate == "BTCUSDT/shock_down/h48/long").Reason);
    }
}
