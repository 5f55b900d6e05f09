using Backtest.Core.Features;
using Backtest.Testing;

namespace Backtest.Core.Tests.Features;

/// <summary>The catalog's spec checks (exact messages, DuckDB style), warm-up lengths, and the committed JSON Schema.</summary>
public sealed class FeatureCatalogTests
{
    private static readonly FeatureOperatorCatalog Catalog = FeatureOperatorCatalog.Default;

    public static TheoryData<int> SpecErrorCases() => [.. Enumerable.Range(0, SpecVectors.Cases("spec_errors.json").Length)];

    [Theory]
    [MemberData(nameof(SpecErrorCases))]
    public void Reports_the_first_problem_with_its_key_and_exact_message(int index)
    {
        var c = SpecVectors.Cases("spec_errors.json")[index];
        var problems = Catalog.Check(SpecVectors.Definition(c));
        Assert.NotEmpty(problems);
        Assert.Equal(c.GetProperty("message").GetString(), problems[0].Message);
        Assert.Equal(c.GetProperty("key").GetString(), problems[0].Key);
        var thrown = Assert.Throws<FeatureDefinitionException>(() => Catalog.Validate(SpecVectors.Definition(c)));
        Assert.Equal(c.GetProperty("key").GetString(), thrown.Key);
        Assert.Equal(c.GetProperty("id").GetString(), thrown.FeatureId);
    }

    [Fact]
    public void A_valid_spec_has_no_problems_and_defaults_fill_in()
    {
        var rsi = new FeatureDefinition("rsi_14", "rsi", null, null, "Wilder RSI of close over 14 bars");
        Assert.Empty(Catalog.Check(rsi));
        Assert.Equal(["close"], Catalog.InputsOf(rsi));
        Assert.Equal(14, Catalog.ArgumentsOf(rsi).Integer("period"));
        var atr = new FeatureDefinition("atr_14", "atr", null, [KeyValuePair.Create("period", 14.0)], "ATR");
        Assert.Equal(["high", "low", "close"], Catalog.InputsOf(atr));
    }

    [Fact]
    public void Computation_json_ignores_description_and_spelled_out_defaults()
    {
        var a = new FeatureDefinition("rsi_14", "rsi", null, null, "one wording");
        var b = new FeatureDefinition("rsi_14", "rsi", ["close"], [KeyValuePair.Create("period", 14.0)], "another wording");
        var c = new FeatureDefinition("rsi_14", "rsi", null, [KeyValuePair.Create("period", 15.0)], "one wording");
        Assert.Equal("""{"op":"rsi","of":["close"],"parameters":{"period":14}}""", a.ComputationJson(Catalog));
        Assert.Equal(a.ComputationJson(Catalog), b.ComputationJson(Catalog));
        Assert.NotEqual(a.ComputationJson(Catalog), c.ComputationJson(Catalog));
    }

    [Fact]
    public void Definitions_compare_by_content_with_sorted_parameters()
    {
        var a = new FeatureDefinition("z", "zscore", ["x"], [KeyValuePair.Create("window", 5.0), KeyValuePair.Create("ddof", 1.0)], "d");
        var b = new FeatureDefinition("z", "zscore", ["x"], [KeyValuePair.Create("ddof", 1.0), KeyValuePair.Create("window", 5.0)], "d");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(["ddof", "window"], a.Parameters.Keys);
        Assert.NotEqual(a, b with { Of = ["y"] });
    }

    [Fact]
    public void Every_operator_is_documented_with_sorted_parameters()
    {
        Assert.True(Catalog.Operators.Count >= 13);
        foreach (var op in Catalog.Operators)
        {
            Assert.False(string.IsNullOrWhiteSpace(op.Doc), op.Name);
            Assert.Equal(op.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal), op.Parameters.Select(p => p.Name));
            foreach (var parameter in op.Parameters)
            {
                Assert.False(string.IsNullOrWhiteSpace(parameter.Doc), $"{op.Name}.{parameter.Name}");
                if (parameter.Default is { } d) Assert.Null(parameter.Problem(d));
            }
        }
    }

    public static TheoryData<int> WarmupCases() => [.. Enumerable.Range(0, SpecVectors.Cases("warmup.json").Length)];

    [Theory]
    [MemberData(nameof(WarmupCases))]
    public void Warm_up_is_the_documented_number_of_nan_bars(int index)
    {
        var c = SpecVectors.Cases("warmup.json")[index];
        var bars = FeatureTestData.RandomBars(1000, 77);
        var definition = SpecVectors.Definition(c, id: "feature_under_test");
        var ret1 = FeatureComputer.Compute(new FeatureDefinition("ret_1", "log_return", null, null, "r"), bars, _ => throw new InvalidOperationException());
        var y = FeatureComputer.Compute(definition, bars, name => name == "ret_1" ? ret1 : throw new InvalidOperationException(name));

        var expected = c.GetProperty("leading_nan").ValueKind == System.Text.Json.JsonValueKind.String
            ? Array.FindIndex(bars.FundingIntervalHours, h => h > 0)
            : c.GetProperty("leading_nan").GetInt32();
        var leading = Array.FindIndex(y, v => !double.IsNaN(v));
        Assert.Equal(expected, leading);
        var later = Array.FindIndex(y, expected, double.IsNaN);
        Assert.True(later < 0, $"{definition}: NaN at {later} after the warm-up");
    }

    [Fact]
    public void The_committed_json_schema_is_generated_from_the_catalog()
    {
        var path = Path.Combine(RepoPaths.Root, "spec", "schemas", "features.schema.json");
        var generated = FeatureSchema.Generate(Catalog);
        if (!RepoPaths.InCi && Environment.GetEnvironmentVariable("BACKTEST_ACCEPT_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }
        Assert.True(File.Exists(path), $"{path} is missing: run this test with BACKTEST_ACCEPT_SNAPSHOTS=1 to write it");
        var committed = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.True(committed == generated,
            $"{path} differs from FeatureSchema.Generate (rerun with BACKTEST_ACCEPT_SNAPSHOTS=1 and commit):\n{Snapshot.Diff(committed, generated)}");
    }

    [Fact]
    public void The_schema_lists_every_operator_and_parameter()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(FeatureSchema.Generate(Catalog));
        var root = doc.RootElement;
        Assert.Equal(Catalog.Names, root.GetProperty("properties").GetProperty("op").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var branches = root.GetProperty("allOf").EnumerateArray().ToArray();
        Assert.Equal(Catalog.Operators.Count, branches.Length);
        foreach (var (op, branch) in Catalog.Operators.Zip(branches))
        {
            Assert.Equal(op.Name, branch.GetProperty("if").GetProperty("properties").GetProperty("op").GetProperty("const").GetString());
            var then = branch.GetProperty("then");
            var properties = then.GetProperty("properties");
            foreach (var parameter in op.Parameters)
            {
                var schema = properties.GetProperty(parameter.Name);
                Assert.Equal(parameter.Kind == FeatureParameterKind.Integer ? "integer" : "number", schema.GetProperty("type").GetString());
                Assert.Equal(parameter.Minimum, schema.GetProperty(parameter.MinimumExclusive ? "exclusiveMinimum" : "minimum").GetDouble());
            }
            Assert.Equal(!op.Inputs.Fixed, properties.TryGetProperty("of", out _));
            var required = then.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
            Assert.Equal(op.Parameters.Where(p => p.Required).Select(p => p.Name).ToHashSet(), required.Where(r => r != "of").ToHashSet());
            Assert.False(then.GetProperty("additionalProperties").GetBoolean());
        }
    }
}
