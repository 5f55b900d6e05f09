using Backtest.Core.Features;
using Backtest.Core.Strategies.Compilation;
using Backtest.Core.Tests.Engine;

namespace Backtest.Core.Tests.Strategies.Compilation;

public sealed class FeatureColumnsTests
{
    private static FeatureGraph Graph() => FeatureGraph.Build(
    [
        new FeatureDefinition("ret_1", "log_return", ["close"], [new("bars", 1)], "return"),
        new FeatureDefinition("rv_1h", "realized_vol", ["ret_1"], [new("window", 12)], "volatility"),
        new FeatureDefinition("rv_1h_z", "zscore", ["rv_1h"], [new("window", 100)], "volatility regime"),
        new FeatureDefinition("ema_fast", "ema", ["close"], [new("period", 12)], "trend"),
    ]);

    [Fact]
    public void Features_are_computed_on_demand_inputs_first_each_once()
    {
        var bars = SyntheticBars.RandomWalk(500, 5);
        var columns = FeatureColumns.OnDemand(Graph(), bars);
        Assert.Empty(columns.Computed);

        var z = columns.Get("rv_1h_z")!;
        Assert.Equal(["ret_1", "rv_1h", "rv_1h_z"], columns.Computed);
        Assert.Same(z, columns.Get("rv_1h_z"));
        Assert.Same(columns.Get("ret_1"), columns.Get("ret_1"));
        Assert.Equal(["ret_1", "rv_1h", "rv_1h_z"], columns.Computed); // nothing recomputed, ema_fast never asked for

        // the same values as computing each feature by hand, inputs passed explicitly
        var graph = Graph();
        var ret = FeatureComputer.Compute(graph["ret_1"], bars, _ => throw new InvalidOperationException());
        var rv = FeatureComputer.Compute(graph["rv_1h"], bars, name => name == "ret_1" ? ret : throw new InvalidOperationException());
        var expected = FeatureComputer.Compute(graph["rv_1h_z"], bars, name => name == "rv_1h" ? rv : throw new InvalidOperationException());
        Assert.Equal(expected, z);
    }

    [Fact]
    public void Bar_fields_come_from_the_frame_and_unknown_names_are_null()
    {
        var bars = SyntheticBars.RandomWalk(20, 5);
        var columns = FeatureColumns.OnDemand(Graph(), bars);
        Assert.Same(bars.Close, columns.Get("close"));
        Assert.Same(bars.FundingRate, columns.Get("funding_rate"));
        Assert.Null(columns.Get("rv_1hh"));
        Assert.Empty(columns.Computed);
    }
}
