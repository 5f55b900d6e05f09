using Backtest.Testing;
using Backtest.Core.Bars;
using Backtest.Core.Features;
using FsCheck;
using FsCheck.Fluent;

namespace Backtest.Core.Tests.Features;

/// <summary>
/// Point-in-time by construction: for every operator, random parameters and random series with NaN runs, no value at
/// bar t changes (bit for bit) when the bars after t are dropped.
/// </summary>
public sealed class TruncationPropertyTests
{
    /// <summary>One generated case: which operator, how long a series, where to cut, how to draw parameters and data.</summary>
    public sealed record Case(string Op, int Length, int Cut, ulong Seed, int Small, bool NaNInPrices)
    {
        public override string ToString() => $"{Op} n={Length} cut={Cut} seed={Seed} small={Small} nanPrices={NaNInPrices}";
    }

    private static readonly Gen<Case> Cases =
        from op in Gen.Elements(FeatureOperatorCatalog.Default.Names.ToArray())
        from length in Gen.Choose(1, 400)
        from cut in Gen.Choose(0, length - 1)
        from seed in Gen.Choose(0, int.MaxValue)
        from small in Gen.Choose(1, 40)
        from nanInPrices in Gen.Elements(false, true)
        select new Case(op, length, cut, (ulong)seed, small, nanInPrices);

    [Fact]
    public void No_operator_reads_bars_after_t()
    {
        var property = Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var (definition, bars, feature) = Build(c);
            var full = FeatureComputer.Compute(definition, bars, _ => feature);
            var cut = c.Cut + 1;
            var truncated = FeatureComputer.Compute(definition, bars.Slice(0, cut), _ => feature[..cut]);
            FeatureTestData.AssertIdentical(full.AsSpan(0, cut), truncated, c.ToString());
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1500), property);
    }

    [Theory]
    [InlineData("ema")]
    [InlineData("rsi")]
    [InlineData("atr")]
    [InlineData("zscore")]
    [InlineData("rolling_std")]
    [InlineData("amihud")]
    public void Every_cut_of_a_long_series_agrees(string op)
    {
        // Exhaustive over cut points for the kernels with block or recursive state, on a series with NaN runs.
        var c = new Case(op, 300, 0, 424242, 13, NaNInPrices: true);
        var (definition, bars, feature) = Build(c);
        var full = FeatureComputer.Compute(definition, bars, _ => feature);
        for (var cut = 1; cut <= bars.Count; cut++)
        {
            var truncated = FeatureComputer.Compute(definition, bars.Slice(0, cut), _ => feature[..cut]);
            FeatureTestData.AssertIdentical(full.AsSpan(0, cut), truncated, $"{op} cut {cut}");
        }
    }

    /// <summary>A valid definition of the case's operator (feature inputs read "x", a series with NaN runs) and its data.</summary>
    private static (FeatureDefinition Definition, BarFrame Bars, double[] Feature) Build(Case c)
    {
        var op = FeatureOperatorCatalog.Default.Get(c.Op);
        var rng = new TestRandom(c.Seed);
        var parameters = new List<KeyValuePair<string, double>>();
        foreach (var p in op.Parameters)
        {
            var value = p.Kind == FeatureParameterKind.Integer
                ? Math.Min(p.Maximum, p.Minimum + (p.Maximum - p.Minimum <= 1 ? rng.NextInt(2) : rng.NextInt(c.Small)))
                : 0.5 + rng.NextDouble() * 1e6;
            parameters.Add(KeyValuePair.Create(p.Name, value));
        }
        string[]? of = op.Inputs.Fixed ? null : op.Inputs.Count == 1 ? ["x"] : ["x", "quote_volume"];
        var bars = FeatureTestData.RandomBars(c.Length, c.Seed, withNaNRuns: true);
        if (c.NaNInPrices && c.Length > 4)
        {
            var at = rng.NextInt(c.Length);
            for (var i = at; i < Math.Min(c.Length, at + 1 + rng.NextInt(4)); i++)
            {
                bars.Close[i] = double.NaN;
                bars.High[i] = double.NaN;
            }
        }
        // Positive with NaN runs, so log-based operators see defined values too.
        var feature = FeatureTestData.SeriesWithNaNRuns(c.Length, c.Seed ^ 0x5EED, runs: rng.NextInt(4));
        for (var i = 0; i < feature.Length; i++) feature[i] = Math.Abs(feature[i]) + 1;
        if (rng.NextInt(3) == 0 && c.Length > 2) feature[rng.NextInt(c.Length)] = 0; // a flat or zero print now and then
        return (new FeatureDefinition("feature_under_test", c.Op, of, parameters, "property test"), bars, feature);
    }
}
