using System.Text.Json;
using Backtest.Core.Statistics;
using Backtest.Core.Time;
using Backtest.Testing;

namespace Backtest.Core.Tests.Statistics;

public sealed class SharpeStatisticsTests
{
    private static readonly JsonElement Vector = StatisticsVectors.Load("sharpe.json");
    private static double[] Returns => StatisticsVectors.Doubles(Vector.GetProperty("returns"));

    [Fact]
    public void Moments_match_vector()
    {
        var m = SampleMoments.Of(Returns);
        Assert.Equal(20, m.Count);
        Assert.Equal(Vector.GetProperty("sharpe_ddof1").GetDouble(), m.SharpeRatio, 10);
        Assert.Equal(Vector.GetProperty("sharpe_ddof1").GetDouble(), SharpeStatistics.SharpeRatio(Returns), 10);
        Assert.Equal(Vector.GetProperty("population_skewness").GetDouble(), m.Skewness, 10);
        Assert.Equal(Vector.GetProperty("raw_kurtosis").GetDouble(), m.RawKurtosis, 10);
        Assert.Equal(Vector.GetProperty("raw_kurtosis").GetDouble() - 3.0, m.ExcessKurtosis, 10);
    }

    public static TheoryData<double, double> Psr()
    {
        var data = new TheoryData<double, double>();
        foreach (var e in Vector.GetProperty("psr").EnumerateArray()) data.Add(e.GetProperty("benchmark").GetDouble(), e.GetProperty("value").GetDouble());
        return data;
    }

    [Theory]
    [MemberData(nameof(Psr))]
    public void Probabilistic_sharpe_matches_vector(double benchmark, double expected)
    {
        var decimals = expected.ToString("R", System.Globalization.CultureInfo.InvariantCulture).Split('.')[1].Length;
        Assert.Equal(expected, SharpeStatistics.Probabilistic(Returns, benchmark), decimals);
    }

    [Fact]
    public void Minimum_track_record_length_matches_vector()
    {
        var v = Vector.GetProperty("min_trl");
        var m = SampleMoments.Of(Returns);
        Assert.Equal(v.GetProperty("value").GetDouble(),
            SharpeStatistics.MinimumTrackRecordLength(m.SharpeRatio, v.GetProperty("benchmark").GetDouble(), m.Skewness, m.RawKurtosis, v.GetProperty("confidence").GetDouble()), 3);
        // At MinTRL observations PSR reaches exactly the confidence (T − 1 = MinTRL − 1 in the formula).
        var trl = SharpeStatistics.MinimumTrackRecordLength(m.SharpeRatio, 0.0, m.Skewness, m.RawKurtosis);
        var z = (m.SharpeRatio - 0.0) * Math.Sqrt(trl - 1) / Math.Sqrt(1 - m.Skewness * m.SharpeRatio + (m.RawKurtosis - 1) / 4 * m.SharpeRatio * m.SharpeRatio);
        Assert.Equal(0.95, StandardNormal.Cdf(z), 12);
        Assert.Equal(double.PositiveInfinity, SharpeStatistics.MinimumTrackRecordLength(0.1, 0.1, 0, 3));
        Assert.Equal(double.PositiveInfinity, SharpeStatistics.MinimumTrackRecordLength(-0.1, 0.0, 0, 3));
    }

    [Fact]
    public void Kurtosis_trap_is_pinned_raw_not_excess()
    {
        var r = Returns;
        var ours = SharpeStatistics.Probabilistic(r, 0.0);
        Assert.Equal(0.9313277355, ours, 10);

        var sr = SampleMoments.Of(r).SharpeRatio;
        var traps = Vector.GetProperty("kurtosis_traps").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("psr0").GetDouble());

        // The trap is real: MathNet's default Skewness()/Kurtosis() (sample-adjusted, EXCESS) plugged into the formula.
        var mathNetNaive = SharpeStatistics.Probabilistic(sr, 0.0, r.Length,
            MathNet.Numerics.Statistics.Statistics.Skewness(r), MathNet.Numerics.Statistics.Statistics.Kurtosis(r));
        Assert.Equal(traps["mathnet_sample_skewness_and_excess_kurtosis"], mathNetNaive, 10);
        // Population moments but excess kurtosis: the other way to fall in.
        var populationExcess = SharpeStatistics.Probabilistic(sr, 0.0, r.Length,
            MathNet.Numerics.Statistics.Statistics.PopulationSkewness(r), MathNet.Numerics.Statistics.Statistics.PopulationKurtosis(r));
        Assert.Equal(traps["population_excess_kurtosis"], populationExcess, 10);

        foreach (var trap in traps.Values) Assert.True(Math.Abs(ours - trap) > 5e-3, $"PSR {ours} must not equal the trap value {trap}");
        // MathNet's population kurtosis is excess: + 3 is ours.
        Assert.Equal(SampleMoments.Of(r).RawKurtosis, MathNet.Numerics.Statistics.Statistics.PopulationKurtosis(r) + 3.0, 12);
    }

    [Fact]
    public void Bailey_lopez_de_prado_example_matches_vector_and_publication()
    {
        var v = Vector.GetProperty("bailey_lopez_de_prado_2014");
        var periods = v.GetProperty("periods_per_year").GetDouble();
        var sr = v.GetProperty("annual_sharpe").GetDouble() / Math.Sqrt(periods);
        var variance = v.GetProperty("annual_sharpe_variance").GetDouble() / periods;
        var trials = v.GetProperty("trials").GetInt32();

        Assert.Equal(v.GetProperty("max_z").GetDouble(), SharpeStatistics.ExpectedMaxStandardNormal(trials), 6);
        var dsr = SharpeStatistics.Deflated(sr, v.GetProperty("observations").GetInt32(), v.GetProperty("skewness").GetDouble(),
            v.GetProperty("raw_kurtosis").GetDouble(), trials, variance);
        Assert.Equal(v.GetProperty("sr0").GetDouble(), dsr.ExpectedMaxSharpe, 6);
        Assert.Equal(v.GetProperty("dsr").GetDouble(), dsr.Dsr, 6);
        Assert.Equal(0.1132, dsr.ExpectedMaxSharpe, 4);
        Assert.Equal(0.9004, dsr.Dsr, 4);
        Assert.True(dsr.Dsr < DeflatedSharpe.PassThreshold);
    }

    public static TheoryData<int, double> ExpectedMaxZ()
    {
        var data = new TheoryData<int, double>();
        foreach (var e in Vector.GetProperty("expected_max_z").EnumerateArray()) data.Add(e.GetProperty("trials").GetInt32(), e.GetProperty("value").GetDouble());
        return data;
    }

    [Theory]
    [MemberData(nameof(ExpectedMaxZ))]
    public void Expected_max_of_standard_normals_matches_vector(int trials, double expected) =>
        Assert.Equal(expected, SharpeStatistics.ExpectedMaxStandardNormal(trials), 6);

    public static TheoryData<string, double, double> Annualisation()
    {
        var data = new TheoryData<string, double, double>();
        foreach (var e in Vector.GetProperty("annualisation").EnumerateArray())
            data.Add(e.GetProperty("timeframe").GetString()!, e.GetProperty("bars_per_year").GetDouble(), e.GetProperty("sqrt").GetDouble());
        return data;
    }

    [Theory]
    [MemberData(nameof(Annualisation))]
    public void Annualisation_on_a_24_7_calendar_matches_vector(string timeframe, double barsPerYear, double root)
    {
        var tf = Timeframe.Parse(timeframe);
        Assert.Equal(barsPerYear, tf.BarsPerYear);
        Assert.Equal(root, SharpeStatistics.AnnualiseIid(1.0, tf.BarsPerYear), 4);
    }

    [Fact]
    public void Single_trial_has_no_selection_bias()
    {
        Assert.Equal(0.0, SharpeStatistics.ExpectedMaxSharpe(1, 0.3));
        var r = Returns;
        var dsr = SharpeStatistics.Deflated(r, [SampleMoments.Of(r).SharpeRatio]);
        Assert.Equal(1, dsr.Trials);
        Assert.Equal(0.0, dsr.TrialSharpeVariance);
        Assert.Equal(0.0, dsr.ExpectedMaxSharpe);
        Assert.Equal(SharpeStatistics.Probabilistic(r, 0.0), dsr.Dsr, 15);
        Assert.Throws<ArgumentOutOfRangeException>(() => SharpeStatistics.ExpectedMaxStandardNormal(0));
        Assert.Throws<ArgumentException>(() => SharpeStatistics.Deflated(r, []));
        Assert.Throws<ArgumentException>(() => SharpeStatistics.Deflated(r, [0.1, double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SharpeStatistics.ExpectedMaxSharpe(10, -0.1));
    }

    [Fact]
    public void Deflated_from_returns_uses_sample_variance_of_trial_sharpes()
    {
        var r = Returns;
        double[] trials = [0.05, -0.1, 0.2, 0.3679441949, 0.01, -0.02];
        var mean = trials.Average();
        var v = trials.Sum(s => (s - mean) * (s - mean)) / (trials.Length - 1);
        var dsr = SharpeStatistics.Deflated(r, trials);
        Assert.Equal(v, dsr.TrialSharpeVariance, 15);
        Assert.Equal(Math.Sqrt(v) * SharpeStatistics.ExpectedMaxStandardNormal(6), dsr.ExpectedMaxSharpe, 14);
        Assert.Equal(SharpeStatistics.Probabilistic(r, dsr.ExpectedMaxSharpe), dsr.Dsr, 14);
    }

    [Fact]
    public void Edge_cases_give_NaN()
    {
        Assert.True(double.IsNaN(SharpeStatistics.SharpeRatio([])));
        Assert.True(double.IsNaN(SharpeStatistics.SharpeRatio([0.01])));
        Assert.True(double.IsNaN(SharpeStatistics.SharpeRatio([0.01, 0.01, 0.01])));
        var flat = SampleMoments.Of([0.1, 0.1, 0.1]);
        Assert.Equal(0.0, flat.StandardDeviation);
        Assert.True(double.IsNaN(flat.Skewness) && double.IsNaN(flat.RawKurtosis));
        var empty = SampleMoments.Of([]);
        Assert.Equal(0, empty.Count);
        Assert.True(double.IsNaN(empty.Mean));
        Assert.True(double.IsNaN(SampleMoments.Of([double.NaN, 1.0, 2.0]).StandardDeviation));
        Assert.True(double.IsNaN(SharpeStatistics.Probabilistic([0.01], 0.0)));
        Assert.True(double.IsNaN(SharpeStatistics.Probabilistic(0.3, 0.0, 1, 0.0, 3.0)));
        // A variance term that is not positive (absurd moments) gives NaN, not a made-up probability.
        Assert.True(double.IsNaN(SharpeStatistics.Probabilistic(1.0, 0.0, 100, 5.0, 3.0)));
    }

    [Fact]
    public void Lo_scaling_reduces_to_sqrt_q_without_autocorrelation_and_to_one_with_perfect_correlation()
    {
        Assert.Equal(Math.Sqrt(12) * 0.1, SharpeStatistics.ScaleLo(0.1, 12, new double[11]), 14);
        var ones = Enumerable.Repeat(1.0, 11).ToArray();
        Assert.Equal(0.1, SharpeStatistics.ScaleLo(0.1, 12, ones), 14);
        Assert.Equal(0.1, SharpeStatistics.ScaleLo(0.1, 1, []), 15);
        Assert.Throws<ArgumentException>(() => SharpeStatistics.ScaleLo(0.1, 12, new double[10]));
        // Perfect alternation makes the q-period variance vanish for even q: undefined.
        Assert.True(double.IsNaN(SharpeStatistics.ScaleLo(0.1, 2, [-1.0])));
    }

    [ReferenceFact(ReferenceTools.Python)]
    public void Moments_autocorrelations_psr_and_lo_scaling_match_scipy_statsmodels_on_random_returns()
    {
        ReferenceTools.Require(ReferenceTools.Python);
        var rng = new TestRandom(31337);
        // Fat-tailed, skewed, autocorrelated returns: normal mixture with jumps through an AR(1).
        var r = new double[2500];
        var prev = 0.0;
        for (var i = 0; i < r.Length; i++)
        {
            var shock = 0.01 * rng.NextNormal() + (rng.NextDouble() < 0.02 ? -0.05 * rng.NextDouble() : 0.0);
            r[i] = prev = 0.0004 + 0.15 * prev + shock;
        }
        const int q = 24;
        var script = """
            import sys, math, numpy as np
            from scipy import stats
            from statsmodels.tsa.stattools import acf
            r = np.array(sys.stdin.read().split(), dtype=float)
            sr = r.mean() / r.std(ddof=1)
            g3 = stats.skew(r, bias=True)
            g4 = stats.kurtosis(r, fisher=False, bias=True)
            print('moments', repr(sr), repr(g3), repr(g4))
            def psr(s0):
                return stats.norm.cdf((sr - s0) * math.sqrt(len(r) - 1) / math.sqrt(1 - g3 * sr + (g4 - 1) / 4 * sr ** 2))
            print('psr', repr(psr(0.0)), repr(psr(0.02)))
            rho = acf(r, nlags=23, adjusted=False, fft=False)[1:]
            print('acf', *map(repr, rho.tolist()))
            q = 24
            print('lo', repr(q / math.sqrt(q + 2 * sum((q - k) * rho[k - 1] for k in range(1, q))) * sr))
            """;
        var res = StatisticsVectors.ParseKeyed(ReferenceTools.RunPython(script, StatisticsVectors.Format(r)));
        var m = SampleMoments.Of(r);
        AssertRelative(res["moments"][0], m.SharpeRatio, 1e-12, "SR");
        AssertRelative(res["moments"][1], m.Skewness, 1e-10, "skewness");
        AssertRelative(res["moments"][2], m.RawKurtosis, 1e-12, "raw kurtosis");
        AssertRelative(res["psr"][0], SharpeStatistics.Probabilistic(r, 0.0), 1e-12, "PSR(0)");
        AssertRelative(res["psr"][1], SharpeStatistics.Probabilistic(r, 0.02), 1e-12, "PSR(0.02)");
        var rho = new double[q - 1];
        SharpeStatistics.Autocorrelations(r, rho);
        for (var k = 0; k < rho.Length; k++) AssertRelative(res["acf"][k], rho[k], 1e-9, $"rho_{k + 1}");
        AssertRelative(res["lo"][0], SharpeStatistics.ScaleLo(m.SharpeRatio, q, rho), 1e-10, "Lo SR(q)");
    }

    private static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"{what}: reference {expected:R}, ours {actual:R}");
}
