using Backtest.Core.Statistics;
using Backtest.Testing;

namespace Backtest.Core.Tests.Statistics;

public sealed class FalseDiscoveryTests
{
    public static TheoryData<string> Cases => StatisticsVectors.CaseNames("fdr.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_vector(string name)
    {
        var c = StatisticsVectors.Case("fdr.json", name);
        var p = StatisticsVectors.Doubles(c.GetProperty("p"));
        var expected = StatisticsVectors.Doubles(c.GetProperty("q"));
        var method = c.GetProperty("method").GetString() == "BH" ? FdrMethod.BenjaminiHochberg : FdrMethod.BenjaminiYekutieli;
        var tolerance = c.GetProperty("tolerance").GetDouble();

        var q = FalseDiscovery.QValues(p, method);

        Assert.Equal(expected.Length, q.Length);
        for (var i = 0; i < q.Length; i++)
        {
            if (double.IsNaN(expected[i])) Assert.True(double.IsNaN(q[i]), $"{name}[{i}]: expected NaN, got {q[i]}");
            else Assert.True(Math.Abs(q[i] - expected[i]) <= tolerance, $"{name}[{i}]: expected {expected[i]}, got {q[i]}");
        }
        Assert.Equal(c.GetProperty("rejected").GetInt32(), FalseDiscovery.CountRejected(q, c.GetProperty("alpha").GetDouble()));
    }

    [Fact]
    public void Default_method_is_Benjamini_Yekutieli()
    {
        var p = new[] { 0.01, 0.04, 0.03, 0.005 };
        Assert.Equal(FalseDiscovery.QValues(p, FdrMethod.BenjaminiYekutieli), FalseDiscovery.QValues(p));
    }

    [Fact]
    public void Harmonic_number_matches_c15()
    {
        Assert.Equal(3.318228993, FalseDiscovery.HarmonicNumber(15), 9);
        Assert.Equal(0.0, FalseDiscovery.HarmonicNumber(0));
        Assert.Equal(1.0, FalseDiscovery.HarmonicNumber(1));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.5)]
    [InlineData(double.PositiveInfinity)]
    public void Rejects_p_outside_unit_interval(double bad)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => FalseDiscovery.QValues([0.1, bad]));
        Assert.Contains("index 1", ex.Message);
    }

    [Fact]
    public void Rejects_mismatched_output_length()
    {
        var q = new double[2];
        Assert.Throws<ArgumentException>(() => FalseDiscovery.QValues([0.1, 0.2, 0.3], q));
    }

    [ReferenceFact(ReferenceTools.R)]
    public void Matches_R_p_adjust_on_random_p_values_with_ties_and_NaN()
    {
        ReferenceTools.Require(ReferenceTools.R);
        var rng = new TestRandom(20240601);
        var p = new double[300];
        for (var i = 0; i < p.Length; i++)
        {
            var u = rng.NextDouble();
            // A mix of strong signals, noise, exact ties (rounded values) and untested (NaN) hypotheses.
            p[i] = i % 17 == 0 ? double.NaN : i % 5 == 0 ? Math.Round(u * 0.05, 3) : i % 3 == 0 ? u * 0.001 : u;
        }
        var script = """
            p <- scan(file("stdin"), what = numeric(), na.strings = "nan", quiet = TRUE)
            for (m in c("BH", "BY")) cat(m, sprintf("%.17g", p.adjust(p, method = m)), "\n")
            """;
        var r = StatisticsVectors.ParseKeyed(ReferenceTools.RunR(script, StatisticsVectors.Format(p)));

        foreach (var (key, method) in new[] { ("BH", FdrMethod.BenjaminiHochberg), ("BY", FdrMethod.BenjaminiYekutieli) })
        {
            var q = FalseDiscovery.QValues(p, method);
            var expected = r[key];
            Assert.Equal(p.Length, expected.Length);
            for (var i = 0; i < p.Length; i++)
            {
                if (double.IsNaN(expected[i])) Assert.True(double.IsNaN(q[i]), $"{key}[{i}] expected NaN");
                else Assert.True(Math.Abs(q[i] - expected[i]) <= 1e-14 + 1e-12 * expected[i], $"{key}[{i}]: R {expected[i]}, ours {q[i]}");
            }
        }
    }
}
