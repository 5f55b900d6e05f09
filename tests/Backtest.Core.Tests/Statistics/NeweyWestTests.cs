using Backtest.Core.Statistics;
using Backtest.Testing;

namespace Backtest.Core.Tests.Statistics;

public sealed class NeweyWestTests
{
    private static readonly System.Text.Json.JsonElement Vector = StatisticsVectors.Load("newey_west.json");
    private static double[] Y => StatisticsVectors.Doubles(Vector.GetProperty("y"));

    public static TheoryData<int, bool, double> StandardErrors()
    {
        var data = new TheoryData<int, bool, double>();
        foreach (var e in Vector.GetProperty("standard_errors").EnumerateArray())
            data.Add(e.GetProperty("lag").GetInt32(), e.GetProperty("small_sample").GetBoolean(), e.GetProperty("se").GetDouble());
        return data;
    }

    [Theory]
    [MemberData(nameof(StandardErrors))]
    public void Standard_error_matches_vector(int lag, bool smallSample, double expected) =>
        Assert.Equal(expected, NeweyWest.StandardErrorOfMean(Y, lag, smallSample), 11);

    [Fact]
    public void Autocovariances_and_automatic_lag_match_vector()
    {
        var y = Y;
        var mean = Vector.GetProperty("mean").GetDouble();
        Assert.Equal(mean, y.Average(), 12);
        var gammas = StatisticsVectors.Doubles(Vector.GetProperty("autocovariances"));
        for (var l = 0; l < gammas.Length; l++) Assert.Equal(gammas[l], NeweyWest.Autocovariance(y, mean, l), 12);
        Assert.Equal(Vector.GetProperty("automatic_lag").GetInt32(), NeweyWest.AutomaticLag(y.Length));
    }

    [Fact]
    public void Lag_zero_is_the_iid_standard_error_with_population_variance()
    {
        // iid SE with ddof=1 differs from the HAC L=0 value by exactly sqrt(T/(T−1)).
        var iid = Vector.GetProperty("iid_se_ddof1").GetDouble();
        Assert.Equal(iid, NeweyWest.StandardErrorOfMean(Y, 0, smallSampleCorrection: true), 11);
    }

    public static TheoryData<int, int> AutomaticLags()
    {
        var data = new TheoryData<int, int>();
        foreach (var e in Vector.GetProperty("automatic_lags").EnumerateArray()) data.Add(e.GetProperty("t").GetInt32(), e.GetProperty("lag").GetInt32());
        return data;
    }

    [Theory]
    [MemberData(nameof(AutomaticLags))]
    public void Automatic_lag_matches_vector(int t, int lag) => Assert.Equal(lag, NeweyWest.AutomaticLag(t));

    public static TheoryData<int, int, int> HorizonLags()
    {
        var data = new TheoryData<int, int, int>();
        foreach (var e in Vector.GetProperty("horizon_lags").EnumerateArray())
            data.Add(e.GetProperty("t").GetInt32(), e.GetProperty("h").GetInt32(), e.GetProperty("lag").GetInt32());
        return data;
    }

    [Theory]
    [MemberData(nameof(HorizonLags))]
    public void Lag_for_horizon_is_max_of_automatic_and_h_minus_one(int t, int h, int lag) => Assert.Equal(lag, NeweyWest.LagForHorizon(t, h));

    [Fact]
    public void Event_sample_lag_counts_overlapping_later_events()
    {
        // An event on every bar: each window overlaps the next h − 1 → the bar-grid rule max(auto, h − 1).
        var everyBar = Enumerable.Range(0, 1000).ToArray();
        Assert.Equal(NeweyWest.LagForHorizon(1000, 24), NeweyWest.LagForEventSample(everyBar, 24));
        // Sparse events never overlap: only the automatic lag remains.
        var sparse = Enumerable.Range(0, 1000).Select(i => i * 100).ToArray();
        Assert.Equal(NeweyWest.AutomaticLag(1000), NeweyWest.LagForEventSample(sparse, 24));
        // A cluster: from 10, the events at 11, 12 and 20 start before 10 + 12 = 22 → 3 (auto(7) = 2).
        Assert.Equal(2, NeweyWest.AutomaticLag(7));
        Assert.Equal(3, NeweyWest.LagForEventSample([0, 10, 11, 12, 20, 40, 60], 12));
        // Touching windows (i, i+h] and (i+h, i+2h] do not overlap: only auto(n) remains.
        Assert.Equal(1, NeweyWest.AutomaticLag(3));
        Assert.Equal(1, NeweyWest.LagForEventSample([0, 12, 24], 12));
        Assert.Equal(0, NeweyWest.LagForEventSample([], 12));
    }

    [Fact]
    public void Edge_cases()
    {
        Assert.True(double.IsNaN(NeweyWest.StandardErrorOfMean([], 2)));
        Assert.True(double.IsNaN(NeweyWest.StandardErrorOfMean([0.3], 2)));
        Assert.Equal(0.0, NeweyWest.StandardErrorOfMean([0.1, 0.1, 0.1, 0.1, 0.1], 3));
        Assert.True(double.IsNaN(NeweyWest.StandardErrorOfMean([0.1, double.NaN, 0.3], 1)));
        Assert.True(double.IsNaN(NeweyWest.StandardErrorOfMean([double.NaN, double.NaN], 1)));
        Assert.True(double.IsNaN(NeweyWest.StandardErrorOfMean([1.0, double.PositiveInfinity, 0.5], 1)));
        Assert.Equal(0, NeweyWest.AutomaticLag(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => NeweyWest.StandardErrorOfMean([1.0, 2.0], -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NeweyWest.LagForHorizon(100, 0));
        // A lag beyond the sample adds no terms past T − 1 but keeps its Bartlett weights for the ones it has.
        double[] x = [1.0, -2.0, 0.5];
        var s = NeweyWest.Autocovariance(x, x.Average(), 0) + 2 * (1 - 1 / 11.0) * NeweyWest.Autocovariance(x, x.Average(), 1)
              + 2 * (1 - 2 / 11.0) * NeweyWest.Autocovariance(x, x.Average(), 2);
        Assert.Equal(Math.Sqrt(Math.Max(s, 0) / 3), NeweyWest.StandardErrorOfMean(x, 10), 14);
    }

    private static double[] Ar1(ulong seed, int n, double phi)
    {
        var rng = new TestRandom(seed);
        var x = new double[n];
        var prev = 0.0;
        for (var i = 0; i < n; i++) x[i] = prev = 0.001 + phi * prev + 0.01 * rng.NextNormal();
        return x;
    }

    [ReferenceFact(ReferenceTools.R)]
    public void Matches_R_sandwich_NeweyWest_on_random_autocorrelated_series()
    {
        ReferenceTools.Require(ReferenceTools.R);
        var x = Ar1(7, 731, 0.6);
        int[] lags = [0, 1, 5, 17, 40];
        var script = """
            suppressMessages(library(sandwich))
            y <- scan(file("stdin"), quiet = TRUE)
            fit <- lm(y ~ 1)
            for (L in c(0, 1, 5, 17, 40)) {
              cat(paste0("L", L), sprintf("%.17g", sqrt(NeweyWest(fit, lag = L, prewhite = FALSE, adjust = FALSE)[1, 1])), "\n")
              cat(paste0("A", L), sprintf("%.17g", sqrt(NeweyWest(fit, lag = L, prewhite = FALSE, adjust = TRUE)[1, 1])), "\n")
            }
            """;
        var r = StatisticsVectors.ParseKeyed(ReferenceTools.RunR(script, StatisticsVectors.Format(x)));
        foreach (var lag in lags)
        {
            AssertClose(r[$"L{lag}"][0], NeweyWest.StandardErrorOfMean(x, lag), $"sandwich lag {lag}");
            AssertClose(r[$"A{lag}"][0], NeweyWest.StandardErrorOfMean(x, lag, smallSampleCorrection: true), $"sandwich adjust lag {lag}");
        }
    }

    [ReferenceFact(ReferenceTools.Python)]
    public void Matches_statsmodels_HAC_on_random_autocorrelated_series()
    {
        ReferenceTools.Require(ReferenceTools.Python);
        var x = Ar1(11, 1000, -0.3);
        var script = """
            import sys, numpy as np, statsmodels.api as sm
            y = np.array(sys.stdin.read().split(), dtype=float)
            for L in (0, 2, 6, 23):
                r = sm.OLS(y, np.ones(len(y))).fit(cov_type='HAC', cov_kwds={'maxlags': L, 'use_correction': False})
                print(f'L{L}', repr(float(r.bse[0])))
            """;
        var r = StatisticsVectors.ParseKeyed(ReferenceTools.RunPython(script, StatisticsVectors.Format(x)));
        foreach (var lag in new[] { 0, 2, 6, 23 })
            AssertClose(r[$"L{lag}"][0], NeweyWest.StandardErrorOfMean(x, lag), $"statsmodels lag {lag}");
    }

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-11 * Math.Abs(expected), $"{what}: reference {expected:R}, ours {actual:R}");
}
