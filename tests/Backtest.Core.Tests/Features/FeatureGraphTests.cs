using Backtest.Testing;
using Backtest.Core.Features;

namespace Backtest.Core.Tests.Features;

/// <summary>Graph construction: reference resolution, typed errors with the cycle named, deterministic order and closures.</summary>
public sealed class FeatureGraphTests
{
    private static FeatureDefinition F(string id, string op, string[]? of = null, params (string Name, double Value)[] parameters) =>
        new(id, op, of, parameters.Select(p => KeyValuePair.Create(p.Name, p.Value)), $"test feature {id}");

    private static readonly FeatureDefinition[] Set =
    [
        F("ret_1", "log_return"),
        F("rv_1h", "realized_vol", ["ret_1"], ("window", 12)),
        F("rv_1h_z", "zscore", ["rv_1h"], ("window", 8640)),
        F("rv_1d", "realized_vol", ["ret_1"], ("window", 288)),
        F("amihud_1d", "amihud", null, ("window", 288)),
        F("amihud_1d_z", "zscore", ["amihud_1d"], ("window", 8640)),
        F("atr_14", "atr"),
    ];

    public static TheoryData<int> ErrorCases() => [.. Enumerable.Range(0, SpecVectors.Cases("graph_errors.json").Length)];

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Raises_the_typed_error_naming_feature_key_and_path(int index)
    {
        var c = SpecVectors.Cases("graph_errors.json")[index];
        var definitions = c.GetProperty("features").EnumerateArray().Select(e => SpecVectors.Definition(e)).ToArray();
        var error = Assert.ThrowsAny<FeatureSpecException>(() => FeatureGraph.Build(definitions));
        Assert.Equal(c.GetProperty("message").GetString(), error.Message);
        Assert.Equal(c.GetProperty("feature").GetString(), error.FeatureId);
        Assert.Equal(c.GetProperty("key").GetString(), error.Key);
        switch (c.GetProperty("error").GetString())
        {
            case "reference":
                Assert.Equal(c.GetProperty("reference").GetString(), Assert.IsType<FeatureReferenceException>(error).Reference);
                break;
            case "cycle":
                Assert.Equal(c.GetProperty("cycle").EnumerateArray().Select(e => e.GetString()), Assert.IsType<FeatureCycleException>(error).Cycle);
                break;
            case "definition":
                Assert.IsType<FeatureDefinitionException>(error);
                break;
            default:
                throw new InvalidDataException(c.GetProperty("error").GetString());
        }
    }

    [Fact]
    public void Orders_inputs_first_and_smallest_id_first_whatever_the_input_order()
    {
        var expected = new[] { "amihud_1d", "amihud_1d_z", "atr_14", "ret_1", "rv_1d", "rv_1h", "rv_1h_z" };
        Assert.Equal(expected, FeatureGraph.Build(Set).Order);
        var rng = new TestRandom(3);
        for (var trial = 0; trial < 20; trial++)
        {
            var shuffled = Set.OrderBy(_ => rng.Next()).ToArray();
            Assert.Equal(expected, FeatureGraph.Build(shuffled).Order);
        }
    }

    [Fact]
    public void Gives_direct_and_transitive_inputs_and_dependents()
    {
        var graph = FeatureGraph.Build(Set);
        Assert.Equal(["rv_1h"], graph.InputsOf("rv_1h_z"));
        Assert.Equal(["close", "quote_volume"], graph.InputsOf("amihud_1d"));
        Assert.Empty(graph.FeatureInputsOf("amihud_1d"));
        Assert.Equal(["ret_1", "rv_1h"], graph.TransitiveFeatureInputsOf("rv_1h_z"));
        Assert.Equal(["rv_1d", "rv_1h", "rv_1h_z"], graph.DependentsOf("ret_1"));
        Assert.Empty(graph.DependentsOf("rv_1h_z"));
        Assert.Equal(Set.Length, graph.Ids.Count);
        Assert.Throws<ArgumentException>(() => graph.InputsOf("nope"));
    }

    [Fact]
    public void Every_feature_comes_after_everything_it_reads()
    {
        var graph = FeatureGraph.Build(Set);
        var position = graph.Order.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        foreach (var id in graph.Ids)
            foreach (var input in graph.TransitiveFeatureInputsOf(id))
                Assert.True(position[input] < position[id], $"{input} must come before {id}");
    }
}
