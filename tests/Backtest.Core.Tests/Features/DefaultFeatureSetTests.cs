using Backtest.Core.Bars;
using Backtest.Core.Features;

namespace Backtest.Core.Tests.Features;

/// <summary>The shipped spec/features set: valid, acyclic, what the default events need, and computable end to end.</summary>
public sealed class DefaultFeatureSetTests
{
    private static FeatureDefinition[] LoadSet() =>
        [.. Directory.GetFiles(Path.Combine(FeatureTestData.Root, "spec", "features"), "*.yaml").Order(StringComparer.Ordinal).Select(FlatSpecReader.Read)];

    private static Dictionary<string, double[]> ComputeAll(FeatureGraph graph, BarFrame bars, IEnumerable<string> order)
    {
        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var id in order)
            columns[id] = FeatureComputer.Compute(graph[id], bars, input => columns[input]);
        return columns;
    }

    [Fact]
    public void Ships_at_least_fifteen_valid_features_with_what_events_need()
    {
        var set = LoadSet();
        Assert.True(set.Length >= 15, $"{set.Length} features");
        foreach (var definition in set) Assert.Empty(FeatureOperatorCatalog.Default.Check(definition));
        var graph = FeatureGraph.Build(set);
        string[] needed =
        [
            "ret_1", "ret_12", "ret_288", "rv_1h", "rv_1d", "rv_1h_z", "ret_1_z", "ema_fast", "ema_slow", "rsi_14", "atr_14",
            "amihud_1d", "amihud_1d_z", "volume_z", "bar_range", "funding", "funding_z", "oi_change_1h", "oi_change_1h_z",
        ];
        foreach (var id in needed) Assert.True(graph.Contains(id), $"missing default feature {id}");
        Assert.Equal(["ret_1", "rv_1h"], graph.TransitiveFeatureInputsOf("rv_1h_z"));
        Assert.All(set, d => Assert.Contains("# yaml-language-server: $schema=../schemas/features.schema.json",
            File.ReadAllText(Path.Combine(FeatureTestData.Root, "spec", "features", d.Id + ".yaml"))));
    }

    [Fact]
    public void Computes_on_forty_days_of_bars_with_the_expected_warm_ups()
    {
        var graph = FeatureGraph.Build(LoadSet());
        var bars = FeatureTestData.RandomBars(40 * 288, 2024);
        var columns = ComputeAll(graph, bars, graph.Order);
        var firstSettlement = Array.FindIndex(bars.FundingIntervalHours, h => h > 0);
        var expected = new Dictionary<string, int>
        {
            ["ret_1"] = 1, ["ret_12"] = 12, ["ret_288"] = 288, ["rv_1h"] = 12, ["rv_1d"] = 288, ["rv_1h_z"] = 12 + 8639,
            ["ret_1_z"] = 288, ["ema_fast"] = 11, ["ema_slow"] = 47, ["rsi_14"] = 14, ["atr_14"] = 14, ["amihud_1d"] = 288,
            ["amihud_1d_z"] = 288 + 8639, ["volume_z"] = 8639, ["bar_range"] = 0, ["funding"] = firstSettlement,
            ["funding_z"] = firstSettlement + 8639, ["oi_change_1h"] = 12, ["oi_change_1h_z"] = 12 + 8639,
        };
        foreach (var (id, warmup) in expected)
        {
            var column = columns[id];
            Assert.Equal(bars.Count, column.Length);
            Assert.True(Array.FindIndex(column, v => !double.IsNaN(v)) == warmup, $"{id}: first value at {Array.FindIndex(column, v => !double.IsNaN(v))}, expected {warmup}");
            Assert.True(Array.FindIndex(column, warmup, double.IsNaN) < 0, $"{id}: NaN after its warm-up");
        }
        // Sanity of magnitudes: RSI within [0, 100], z-scores bounded by (w−1)/√w, ranges non-negative.
        Assert.All(columns["rsi_14"].Where(double.IsFinite), v => Assert.InRange(v, 0, 100));
        Assert.All(columns["ret_1_z"].Where(double.IsFinite), v => Assert.InRange(Math.Abs(v), 0, 287 / Math.Sqrt(288)));
        Assert.All(columns["bar_range"], v => Assert.True(v >= 0));
    }

    [Fact]
    public void Is_deterministic_whatever_the_valid_order()
    {
        var graph = FeatureGraph.Build(LoadSet());
        var first = ComputeAll(graph, FeatureTestData.RandomBars(9000, 99), graph.Order);
        // Another valid order: features by depth, deepest-id first within a depth.
        var depth = new Dictionary<string, int>();
        foreach (var id in graph.Order) depth[id] = graph.FeatureInputsOf(id).Select(i => depth[i] + 1).DefaultIfEmpty(0).Max();
        var other = graph.Order.OrderBy(id => depth[id]).ThenByDescending(id => id, StringComparer.Ordinal).ToArray();
        Assert.NotEqual(graph.Order, other);
        var second = ComputeAll(graph, FeatureTestData.RandomBars(9000, 99), other);
        foreach (var id in graph.Order) FeatureTestData.AssertIdentical(first[id], second[id], id);
    }
}
