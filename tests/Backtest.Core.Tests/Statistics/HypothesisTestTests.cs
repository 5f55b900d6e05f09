using Backtest.Core.Statistics;
using Backtest.Testing;

namespace Backtest.Core.Tests.Statistics;

public sealed class HypothesisTestTests
{
    private static double[] RandomWalk(TestRandom rng, int bars, double sigma = 0.002)
    {
        var lc = new double[bars];
        lc[0] = Math.Log(30000.0);
        for (var i = 1; i < bars; i++) lc[i] = lc[i - 1] + sigma * rng.NextNormal();
        return lc;
    }

    private static int[] RandomEvents(TestRandom rng, int count, int bars)
    {
        var set = new SortedSet<int>();
        while (set.Count < count) set.Add(rng.NextInt(bars));
        return set.ToArray();
    }

    [Fact]
    public void Hand_computed_small_window()
    {
        // Closes chosen so the forward log returns are simple numbers.
        double[] lc = [0.0, 0.01, 0.03, 0.02, 0.05, 0.04, 0.04, 0.07];
        int[] events = [1, 3, 6];   // 6 + 2 = 8 is outside the window: excluded
        const int h = 2;
        // 2-bar forward returns over the window: .03 .01 .02 .02 -.01 .03 → μ = 0.1/6.
        var mu = 0.1 / 6;
        Assert.Equal(mu, HypothesisTest.MeanForwardLogReturn(lc, h), 15);
        var x1 = 0.01 - mu;   // event 1: lc[3] − lc[1]
        var x3 = 0.02 - mu;   // event 3: lc[5] − lc[3]
        var mean = (x1 + x3) / 2;
        var sd = Math.Abs(x1 - x3) / Math.Sqrt(2);

        var d = Math.Abs(x1 - x3) / 2;   // deviations from the mean are ±d

        var r = HypothesisTest.Evaluate(lc, events, h, +1);

        Assert.Equal(2, r.Count);
        Assert.Equal(mean * 1e4, r.MeanBps, 10);
        Assert.Equal(sd * 1e4, r.SdBps, 10);
        Assert.Equal(mu * 1e4, r.DriftBps, 10);
        Assert.Equal(2.0, r.Ess, 12);          // windows (1,3] and (3,5] do not overlap
        // Both lag rules give auto(2) = ⌊4·0.02^(2/9)⌋ = 1 here: γ0 = d², γ1 = −d²/2 with weight 1/2 → S = d²/2, SE = d/2.
        Assert.Equal(HacLagRule.EventOverlap, r.LagRule);
        Assert.Equal(1, r.HacLag);
        var t = mean / (d / 2);
        Assert.Equal(t, r.HacT, 10);
        // ESS − 1 = 1 degree of freedom: the Cauchy distribution, P(T ≥ t) = 1/2 − atan(t)/π.
        Assert.Equal(0.5 - Math.Atan(t) / Math.PI, r.P, 12);
    }

    [Fact]
    public void Hand_computed_lag_rules_differ_when_h_minus_one_exceeds_the_overlap()
    {
        double[] lc = [0.0, 0.01, 0.03, 0.02, 0.05, 0.04, 0.04, 0.07];
        int[] events = [1, 3, 6];
        const int h = 4;
        // 4-bar forward returns: .05 .03 .01 .05 → μ = 0.035; events 1 and 3 qualify, windows (1,5] and (3,7] overlap.
        var mu = 0.035;
        var x1 = 0.03 - mu;
        var x3 = 0.05 - mu;
        var mean = (x1 + x3) / 2;
        var d = Math.Abs(x1 - x3) / 2;

        var overlap = HypothesisTest.Evaluate(lc, events, h, +1);
        var literal = HypothesisTest.Evaluate(lc, events, h, +1, HacLagRule.HorizonMinusOne);

        Assert.Equal(2, overlap.Count);
        Assert.Equal(6.0 / 4, overlap.Ess, 12);          // union (1,7] = 6 bars
        Assert.True(double.IsNaN(overlap.P));           // ESS < 2: no p
        Assert.Equal(1, overlap.HacLag);                // max(auto 1, overlap 1): w1 = 1/2, S = d²/2
        Assert.Equal(mean / (d / 2), overlap.HacT, 10);
        Assert.Equal(3, literal.HacLag);                // h − 1: w1 = 3/4, S = d²/4, SE = d/(2√2)
        Assert.Equal(mean / (d / (2 * Math.Sqrt(2))), literal.HacT, 10);
        Assert.Equal(HypothesisTest.ConventionsFor(HacLagRule.HorizonMinusOne), literal.Conventions);
        Assert.NotEqual(literal.Conventions, overlap.Conventions);
        Assert.Equal(HypothesisTest.Conventions, overlap.Conventions);
    }

    [Fact]
    public void Direction_flips_sign_and_p_values_are_complementary()
    {
        var rng = new TestRandom(12);
        var lc = RandomWalk(rng, 5000);
        var events = RandomEvents(rng, 200, 5000);
        var up = HypothesisTest.Evaluate(lc, events, 12, +1);
        var down = HypothesisTest.Evaluate(lc, events, 12, -1);
        Assert.Equal(up.Count, down.Count);
        Assert.Equal(up.MeanBps, -down.MeanBps, 12);
        Assert.Equal(up.SdBps, down.SdBps, 12);
        Assert.Equal(up.HacT, -down.HacT, 12);
        Assert.Equal(up.Ess, down.Ess);
        Assert.Equal(1.0, up.P + down.P, 12);
    }

    [Fact]
    public void Explicit_drift_and_scratch_give_the_convenience_result()
    {
        var rng = new TestRandom(13);
        var lc = RandomWalk(rng, 3000);
        var events = RandomEvents(rng, 90, 3000);
        var drift = HypothesisTest.MeanForwardLogReturn(lc, 48);
        var scratch = new double[events.Length];
        Assert.Equal(HypothesisTest.Evaluate(lc, events, 48, -1), HypothesisTest.Evaluate(lc, events, 48, -1, drift, scratch));
    }

    [Fact]
    public void Evaluate_with_scratch_does_not_allocate()
    {
        var rng = new TestRandom(14);
        var lc = RandomWalk(rng, 20000);
        var events = RandomEvents(rng, 500, 20000);
        var drift = HypothesisTest.MeanForwardLogReturn(lc, 12);
        var scratch = new double[events.Length];
        HypothesisTest.Evaluate(lc, events, 12, 1, drift, scratch);   // warm up (JIT, statics)
        var before = GC.GetAllocatedBytesForCurrentThread();
        var r = HypothesisTest.Evaluate(lc, events, 12, 1, drift, scratch);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.False(double.IsNaN(r.P));
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Edge_cases()
    {
        double[] lc = [0.0, 0.01, 0.02, 0.015, 0.03, 0.01];
        // No event with its horizon inside the window.
        var none = HypothesisTest.Evaluate(lc, [4, 5], 2, 1);
        Assert.Equal(0, none.Count);
        Assert.Equal(0.0, none.Ess);
        Assert.True(double.IsNaN(none.MeanBps) && double.IsNaN(none.HacT) && double.IsNaN(none.P));
        var empty = HypothesisTest.Evaluate(lc, [], 2, 1);
        Assert.Equal(0, empty.Count);
        // One event: a mean, but no dispersion, no t, no p.
        var one = HypothesisTest.Evaluate(lc, [0], 2, 1);
        Assert.Equal(1, one.Count);
        Assert.Equal((0.02 - HypothesisTest.MeanForwardLogReturn(lc, 2)) * 1e4, one.MeanBps, 10);
        Assert.True(double.IsNaN(one.SdBps) && double.IsNaN(one.HacT) && double.IsNaN(one.P));
        // A flat window: every outcome identical → no t, no p (never a spurious p = 0).
        var flat = Enumerable.Repeat(Math.Log(100.0), 50).ToArray();
        var f = HypothesisTest.Evaluate(flat, [1, 5, 9, 20], 3, -1);
        Assert.Equal(4, f.Count);
        Assert.Equal(0.0, f.SdBps);
        Assert.True(double.IsNaN(f.HacT) && double.IsNaN(f.P));
        // Window not longer than the horizon: no drift.
        Assert.True(double.IsNaN(HypothesisTest.MeanForwardLogReturn(lc, 6)));
    }

    [Fact]
    public void Heavily_overlapping_events_with_ess_below_two_get_no_p_value()
    {
        var rng = new TestRandom(15);
        var lc = RandomWalk(rng, 400);
        var r = HypothesisTest.Evaluate(lc, [100, 101, 102, 103], 48, 1);   // union 51 bars / 48 = 1.0625
        Assert.Equal(4, r.Count);
        Assert.Equal(51.0 / 48, r.Ess, 12);
        Assert.True(double.IsNaN(r.P));
    }

    [Fact]
    public void Rejects_bad_arguments()
    {
        double[] lc = [0.0, 0.01, 0.02, 0.015, 0.03, 0.01];
        Assert.Throws<ArgumentOutOfRangeException>(() => HypothesisTest.Evaluate(lc, [0, 1], 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => HypothesisTest.Evaluate(lc, [0, 1], 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => HypothesisTest.Evaluate(lc, [-1, 1], 2, 1));
        var ex = Assert.Throws<ArgumentException>(() => HypothesisTest.Evaluate(lc, [2, 1], 2, 1));
        Assert.Contains("strictly increasing", ex.Message);
        Assert.Throws<ArgumentException>(() => HypothesisTest.Evaluate(lc, [1, 1], 2, 1));
        Assert.Throws<ArgumentException>(() => HypothesisTest.Evaluate(lc, [0, 1, 2], 2, 1, 0.0, new double[2]));
    }

    [Fact]
    public void Finds_a_planted_effect()
    {
        var rng = new TestRandom(16);
        const int bars = 50_000, h = 12;
        var steps = new double[bars];
        for (var i = 0; i < bars; i++) steps[i] = 0.002 * rng.NextNormal();
        var events = RandomEvents(rng, 400, bars - 2 * h);
        // After each event the next h bars drift down by 2 bps each: −24 bps over the horizon.
        foreach (var e in events)
            for (var k = 1; k <= h; k++) steps[e + k] -= 0.0002;
        var lc = new double[bars];
        for (var i = 1; i < bars; i++) lc[i] = lc[i - 1] + steps[i];

        var shortSide = HypothesisTest.Evaluate(lc, events, h, -1);
        Assert.True(shortSide.MeanBps > 15, $"mean {shortSide.MeanBps} bps");
        Assert.True(shortSide.P < 1e-4, $"p {shortSide.P}");
        var longSide = HypothesisTest.Evaluate(lc, events, h, +1);
        Assert.True(longSide.P > 0.99, $"p {longSide.P}");
    }

    /// <summary>
    /// p &lt; 0.05 counts per lag rule over the same 1,000 seeded null hypotheses: sparse events (spacing ≫ h),
    /// h = 48. Simulated once for both tests.
    /// </summary>
    private static readonly Lazy<(int Tested, int Overlap, int Literal)> NullRejections = new(() =>
    {
        var rng = new TestRandom(17);
        int tested = 0, overlap = 0, literal = 0;
        var scratch = new double[100];
        for (var trial = 0; trial < 1000; trial++)
        {
            var lc = RandomWalk(rng, 30_000);
            var events = RandomEvents(rng, 100, 30_000);
            var direction = trial % 2 == 0 ? 1 : -1;
            var drift = HypothesisTest.MeanForwardLogReturn(lc, 48);
            var a = HypothesisTest.Evaluate(lc, events, 48, direction, drift, scratch, HacLagRule.EventOverlap);
            var b = HypothesisTest.Evaluate(lc, events, 48, direction, drift, scratch, HacLagRule.HorizonMinusOne);
            if (double.IsNaN(a.P) || double.IsNaN(b.P)) continue;
            tested++;
            if (a.P < 0.05) overlap++;
            if (b.P < 0.05) literal++;
        }
        return (tested, overlap, literal);
    });

    [Fact]
    public void Rejection_rate_on_pure_noise_is_near_the_nominal_level()
    {
        // With a valid 5 % test the count is Binomial(1000, 0.05): mean 50, sd 6.9; 25..75 is about ±3.6 sd.
        var (tested, rejected, _) = NullRejections.Value;
        Assert.Equal(1000, tested);
        Assert.InRange(rejected, 25, 75);
    }

    [Fact]
    public void The_literal_h_minus_one_lag_over_rejects_sparse_events()
    {
        // Why EventOverlap is the default: lag 47 over ~100 sparse events collapses the Bartlett variance.
        var (tested, _, rejected) = NullRejections.Value;
        Assert.Equal(1000, tested);
        Assert.True(rejected > 80, $"expected clear over-rejection, got {rejected} of 1000");
    }

    [ReferenceFact(ReferenceTools.Python)]
    public void Matches_numpy_statsmodels_scipy_on_random_windows()
    {
        ReferenceTools.Require(ReferenceTools.Python);
        var rng = new TestRandom(18);
        const int bars = 4000;
        var lc = RandomWalk(rng, bars);
        var events = RandomEvents(rng, 160, bars);
        int[] horizons = [1, 12, 48, 288];
        var script = """
            import sys, math, numpy as np, statsmodels.api as sm
            from scipy import stats
            a, b = sys.stdin.read().strip().split('\n')
            lc = np.array(a.split(), dtype=float); ev = np.array(b.split(), dtype=int)
            T = len(lc)
            for h in (1, 12, 48, 288):
                mu = (lc[h:] - lc[:-h]).mean()
                e = ev[ev + h <= T - 1]
                n = len(e)
                ind = np.zeros((T, n))
                for j, i in enumerate(e):
                    ind[i + 1:i + h + 1, j] = 1
                c = ind.sum(axis=1)
                inv = np.divide(1.0, c, out=np.zeros_like(c), where=c > 0)
                ess = sum(inv[ind[:, j] > 0].mean() for j in range(n))
                auto = int(math.floor(4 * (n / 100) ** (2 / 9)))
                overlap = max(sum(1 for j in range(k + 1, n) if e[j] < e[k] + h) for k in range(n))
                for rule, lag in (('o', max(auto, overlap)), ('l', max(auto, h - 1))):
                    for d in (1, -1):
                        x = d * (lc[e + h] - lc[e]) - d * mu
                        fit = sm.OLS(x, np.ones(n)).fit(cov_type='HAC', cov_kwds={'maxlags': lag, 'use_correction': False})
                        t = x.mean() / fit.bse[0]
                        p = stats.t.sf(t, ess - 1)
                        print(f'{rule}h{h}d{d}', n, repr(x.mean() * 1e4), repr(x.std(ddof=1) * 1e4), repr(mu * 1e4), repr(ess), lag, repr(t), repr(p))
            """;
        var py = StatisticsVectors.ParseKeyed(ReferenceTools.RunPython(script, StatisticsVectors.Format(lc) + "\n" + StatisticsVectors.Format(events)));

        foreach (var h in horizons)
        {
            var drift = HypothesisTest.MeanForwardLogReturn(lc, h);
            foreach (var (rule, key) in new[] { (HacLagRule.EventOverlap, "o"), (HacLagRule.HorizonMinusOne, "l") })
            foreach (var d in new[] { 1, -1 })
            {
                var e = py[$"{key}h{h}d{d}"];
                var r = HypothesisTest.Evaluate(lc, events, h, d, drift, new double[events.Length], rule);
                var what = $"{rule} h={h} d={d}";
                Assert.Equal((int)e[0], r.Count);
                AssertRelative(e[1], r.MeanBps, 1e-9, what + " mean");
                AssertRelative(e[2], r.SdBps, 1e-9, what + " sd");
                AssertRelative(e[3], r.DriftBps, 1e-9, what + " drift");
                AssertRelative(e[4], r.Ess, 1e-12, what + " ess");
                Assert.Equal((int)e[5], r.HacLag);
                AssertRelative(e[6], r.HacT, 1e-9, what + " t");
                AssertRelative(e[7], r.P, 1e-8, what + " p");
            }
        }
    }

    private static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"{what}: reference {expected:R}, ours {actual:R}");
}
