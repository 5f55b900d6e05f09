using Backtest.Core.Bars;
using Backtest.Core.Market;
using Backtest.Core.Strategies;
using Backtest.Core.Time;
using Backtest.Lake.Specs;
using Backtest.Lake.Tests.Costs;
using Backtest.Testing;

namespace Backtest.Lake.Tests.Blueprints;

public sealed class BlueprintFileTests
{
    /// <summary>The columns the error vectors may read: bar fields and a realistic feature set.</summary>
    private static readonly IReadOnlySet<string> Names = BarFrame.FieldNames
        .Concat(["ret_1", "ret_1_z", "ret_12", "rv_1h", "rv_1h_z", "ema_fast", "ema_slow", "atr_14", "funding_z", "rsi_14"])
        .ToHashSet(StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> Events = new HashSet<string>(["vol_shock_up", "vol_shock_down", "funding_extreme_high"], StringComparer.Ordinal);

    public static TheoryData<string> Cases() => ErrorVectors.Names("blueprints");

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_blueprint_gives_its_exact_located_message(string name)
    {
        var c = ErrorVectors.Case("blueprints", name);
        var e = Assert.Throws<SpecException>(() => BlueprintFile.Parse(ErrorVectors.Text(c, "file")!, ErrorVectors.Text(c, "text")!, Names, Events));
        Assert.Equal(ErrorVectors.Text(c, "error"), e.Message);
    }

    [Fact]
    public void A_hand_written_yaml_blueprint_reads_into_the_record()
    {
        const string text = """
            # risk-budget, event-triggered
            id: btc_vol_shock
            symbol: BTCUSDT
            market: perp
            timeframe: 5m
            direction: short
            trigger:
              event: vol_shock_down
              filter: rv_1h_z < 2
            exit:
              time_stop_bars: 48
              stop_loss_atr: 2
              take_profit_atr: 3.5
              atr: atr_20
            sizing:
              kind: risk_budget
              annual_volatility_target: 0.1
            """;
        var b = BlueprintFile.Parse("b.yaml", text, Names, Events);
        var expected = new Blueprint("btc_vol_shock", "BTCUSDT", MarketKind.Perp, Timeframe.Parse("5m"),
            new Trigger(Event: "vol_shock_down", Filter: "rv_1h_z < 2"), Direction.Short, new EntryPolicy(EntryOrder.NextOpen),
            new ExitPolicy(48, null, 2, 3.5, "atr_20"), new RiskBudgetSizing(0.1, 30));
        Assert.Equal(expected, b);
    }

    [Fact]
    public void Yaml_and_the_json_the_pipeline_writes_read_to_the_same_blueprint()
    {
        const string yaml = """
            id: eth_sma
            symbol: ETHUSDT
            market: spot
            timeframe: 1h
            direction: long
            entry: {order: next_open}
            trigger: {when: "cross_above(ema_fast, ema_slow)", filter: "rsi_14 < 70"}
            exit: {when: "cross_below(ema_fast, ema_slow)", stop_loss_atr: 2, atr: atr_14}
            sizing: {kind: fixed_notional, notional: 10000}
            provenance:
              hypothesis: ETHUSDT/x/12/long
              window: {id: w1, from_ts: 1704067200000, to_ts: 1706745600000}
              spec_digest: s
              data_digest: d
            cost_digest: d05088a7aa12f4f70f539df937f0eca8bd705219976ae3fbdc457b9475cf2e62
            """;
        var fromYaml = BlueprintFile.Parse("b.yaml", yaml, Names, Events);
        var json = BlueprintJson.Serialize(fromYaml);
        var fromJson = BlueprintFile.Parse("b.json", json, Names, Events);
        Assert.Equal(fromYaml, fromJson);
        Assert.Equal(1706745600000, fromJson.Provenance!.Window.ToTs);
    }

    [Fact]
    public void The_compiled_blueprints_of_the_engine_vectors_load()
    {
        var folder = Path.Combine(RepoPaths.Root, "tests", "Backtest.Core.Tests", "vectors", "engine", "blueprints");
        var events = new HashSet<string>(Events, StringComparer.Ordinal) { "funding_extreme_pos" };
        foreach (var name in new[] { "breakout_long.json", "compiled_funding_short.json" })
        {
            var file = Path.Combine(folder, name);
            Assert.Equal(BlueprintJson.Load(File.ReadAllText(file)), BlueprintFile.Load(file, Names, events));
        }
        // that vector's expressions use sma(), which the expression language does not have: the loader says so at the token
        var sma = Path.Combine(folder, "sma_cross.json");
        var e = Assert.Throws<SpecException>(() => BlueprintFile.Load(sma, Names, events));
        Assert.Equal($"{sma}:7:26: unknown function 'sma' (functions: abs, between, cross_above, cross_below, highest, lag, lowest, max, min)", e.Message);
    }

    [Fact]
    public void The_shipped_examples_load_against_the_repository_specs()
    {
        var names = BarFrame.FieldNames.Concat(FeatureSpecs.Ids(RepoPaths.Root)).ToHashSet(StringComparer.Ordinal);
        var events = EventLoader.Ids(RepoPaths.Root).ToHashSet(StringComparer.Ordinal);
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "examples", "blueprints"), "*.yaml").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["btc_breakout_20.yaml", "btc_ema_cross.yaml", "btc_vol_shock_risk.yaml"], files.Select(Path.GetFileName));
        var loaded = files.Select(f => BlueprintFile.Load(f, names, events)).ToArray();
        Assert.Equal(new Sizing[] { new FixedUnitsSizing(1), new FixedNotionalSizing(10_000), new RiskBudgetSizing(0.1, 30) }, loaded.Select(b => b.Sizing));
        Assert.Equal("cross_above(close, highest(high, 20))", loaded[0].Trigger.When);
        Assert.Equal(12, loaded[0].Exit.TimeStopBars);
        Assert.Equal("cross_below(ema_fast, ema_slow)", loaded[1].Exit.When);
        Assert.Equal(("vol_shock_up", "atr_14"), (loaded[2].Trigger.Event, loaded[2].Exit.Atr));
        Assert.All(loaded, b => Assert.Null(b.CostDigest));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var e = Assert.Throws<SpecException>(() => BlueprintFile.Load("nowhere/b.yaml", Names, Events));
        Assert.Equal("nowhere/b.yaml:1:1: file not found", e.Message);
    }
}
