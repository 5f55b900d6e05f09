using Backtest.Core.Market;
using Backtest.Core.Strategies;
using Backtest.Core.Time;

using Backtest.Core.Research;

namespace Backtest.Core.Tests.Strategies;

public sealed class BlueprintJsonTests
{
    internal static string VectorPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "vectors", "engine", .. parts]);

    public static TheoryData<string> ValidBlueprints()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(VectorPath("blueprints"), "*.json").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    public static TheoryData<string> ErrorCases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(VectorPath("blueprint_errors"), "*.json").Order(StringComparer.Ordinal)) data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ValidBlueprints))]
    public void Valid_blueprints_load_and_serialise_back_to_the_same_bytes(string file)
    {
        var text = File.ReadAllText(VectorPath("blueprints", file));
        var blueprint = BlueprintJson.Load(text);
        Assert.Equal(text, BlueprintJson.Serialize(blueprint));
        Assert.Equal(blueprint, BlueprintJson.Deserialize(BlueprintJson.Serialize(blueprint)));
    }

    [Fact]
    public void A_hand_written_breakout_reads_as_the_records_it_means()
    {
        var b = BlueprintJson.Load(File.ReadAllText(VectorPath("blueprints", "breakout_long.json")));
        Assert.Equal(new Blueprint("btc_breakout_20", "BTCUSDT", MarketKind.Perp, Timeframe.Parse("5m"),
            new Trigger(When: "cross_above(close, highest(high, 20))"), Direction.Long, new EntryPolicy(),
            new ExitPolicy(TimeStopBars: 12), new FixedUnitsSizing(1)), b);
        Assert.Null(b.CostDigest);
        b.EnsureCostDigest("00" + new string('a', 62)); // hand-written: no digest, trades under the current costs
    }

    [Fact]
    public void Compiled_blueprint_round_trips_every_field()
    {
        var b = new Blueprint("x.1", "SOLUSDT", MarketKind.Spot, Timeframe.Parse("1h"),
            new Trigger(Event: "vol_shock", Filter: "ret_1 > 0"), Direction.Short, new EntryPolicy(EntryOrder.NextOpen),
            new ExitPolicy(24, "close > sma(close, 20)", 2.5, 0.1 + 0.2, "atr_14"), new RiskBudgetSizing(0.15, 10),
            new BlueprintProvenance("h", new ResearchWindow("w", -5, long.MaxValue), "s", "d"), new string('0', 64));
        var json = BlueprintJson.Serialize(b);
        Assert.Equal(b, BlueprintJson.Load(json));
        Assert.Contains("\"take_profit_atr\": 0.30000000000000004", json); // shortest round-trip doubles, never rounded
        Assert.DoesNotContain("\r", json);
    }

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Invalid_blueprints_fail_with_the_expected_messages(string name)
    {
        var text = File.ReadAllText(VectorPath("blueprint_errors", name + ".json"));
        var expected = File.ReadAllLines(VectorPath("blueprint_errors", name + ".expected")).Where(l => l.Length > 0).ToList();
        List<string> actual;
        try
        {
            BlueprintJson.Load(text);
            actual = ["(loaded without error)"];
        }
        catch (BlueprintFormatException e)
        {
            actual = [$"format: line {e.Line}, column {e.Column} ({e.JsonPath}): {e.Problem}"];
        }
        catch (BlueprintValidationException e)
        {
            actual = e.Issues.Select(i => i.ToString()).ToList();
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Cost_digest_mismatch_names_both_digests_and_the_stage_to_rerun()
    {
        var b = BlueprintJson.Load(File.ReadAllText(VectorPath("blueprints", "compiled_funding_short.json")));
        b.EnsureCostDigest("d05088a7aa12f4f70f539df937f0eca8bd705219976ae3fbdc457b9475cf2e62");
        var other = new string('e', 64);
        var ex = Assert.Throws<CostDigestMismatchException>(() => b.EnsureCostDigest(other));
        Assert.Equal(
            "blueprint 'btc_funding_extreme_short_h288' was validated under cost digest d05088a7aa12f4f70f539df937f0eca8bd705219976ae3fbdc457b9475cf2e62, " +
            $"but spec/costs.yaml now has digest {other}: its net-of-cost edge is unknown under the new costs; rerun Bridge and Blueprints (./build.sh Blueprints) before trading it",
            ex.Message);
    }
}
