using System.Text.Json;
using Backtest.Core.Statistics;
using Backtest.Testing;

namespace Backtest.Core.Tests.Statistics;

public sealed class EffectiveSampleSizeTests
{
    private static readonly JsonElement Vector = StatisticsVectors.Load("ess.json");

    public static TheoryData<int, int, double, double> Overlapping()
    {
        var data = new TheoryData<int, int, double, double>();
        foreach (var e in Vector.GetProperty("overlapping").EnumerateArray())
            data.Add(e.GetProperty("n").GetInt32(), e.GetProperty("h").GetInt32(), e.GetProperty("asymptotic").GetDouble(), e.GetProperty("finite").GetDouble());
        return data;
    }

    [Theory]
    [MemberData(nameof(Overlapping))]
    public void Overlapping_forward_returns_match_vector(int n, int h, double asymptotic, double finite)
    {
        Assert.Equal(asymptotic, EffectiveSampleSize.OverlappingAsymptotic(n, h), 9);
        Assert.Equal(finite, EffectiveSampleSize.OverlappingFinite(n, h), 4);
        // The finite formula is the general autocorrelation formula with the triangular ρ_k of overlapping sums.
        var rho = new double[n - 1];
        for (var k = 1; k < n; k++) rho[k - 1] = Math.Max(0.0, 1.0 - (double)k / h);
        Assert.Equal(EffectiveSampleSize.OverlappingFinite(n, h), EffectiveSampleSize.FromAutocorrelations(n, rho), 10);
    }

    [Fact]
    public void Uniqueness_from_windows_and_from_indicator_match_vector()
    {
        foreach (var c in Vector.GetProperty("uniqueness").EnumerateArray())
        {
            var expected = StatisticsVectors.Doubles(c.GetProperty("uniqueness"));
            var ess = c.GetProperty("ess").GetDouble();

            var first = StatisticsVectors.Ints(c.GetProperty("first"));
            var last = StatisticsVectors.Ints(c.GetProperty("last"));
            var u = new double[first.Length];
            Assert.Equal(ess, EffectiveSampleSize.EventUniqueness(first, last, u), 12);
            for (var i = 0; i < u.Length; i++) Assert.Equal(expected[i], u[i], 12);

            var rows = c.GetProperty("indicator").EnumerateArray().ToArray();
            var events = rows[0].GetArrayLength();
            var matrix = new byte[rows.Length * events];
            for (var t = 0; t < rows.Length; t++)
            {
                var row = StatisticsVectors.Ints(rows[t]);
                for (var j = 0; j < events; j++) matrix[t * events + j] = (byte)row[j];
            }
            var v = new double[events];
            Assert.Equal(ess, EffectiveSampleSize.EventUniqueness(matrix, rows.Length, events, v), 12);
            for (var i = 0; i < v.Length; i++) Assert.Equal(expected[i], v[i], 12);
            // The middle event: (1/2 + 1/2 + 1/1 + 1/2) / 4 = 0.625, not the widely printed 0.83.
            Assert.NotEqual(0.83, v[1], 2);
        }
    }

    public static TheoryData<double[], double> Kish()
    {
        var data = new TheoryData<double[], double>();
        foreach (var e in Vector.GetProperty("kish").EnumerateArray())
            data.Add(StatisticsVectors.Doubles(e.GetProperty("weights")), e.GetProperty("ess").GetDouble());
        return data;
    }

    [Theory]
    [MemberData(nameof(Kish))]
    public void Kish_matches_vector(double[] weights, double ess) => Assert.Equal(ess, EffectiveSampleSize.Kish(weights), 12);

    [Fact]
    public void Edge_cases_and_errors()
    {
        Assert.Equal(0.0, EffectiveSampleSize.OverlappingFinite(0, 12));
        Assert.Equal(1.0, EffectiveSampleSize.OverlappingFinite(1, 12));
        Assert.Equal(0.0, EffectiveSampleSize.ForEqualWindows([], 12));
        Assert.Equal(1.0, EffectiveSampleSize.ForEqualWindows([5], 12));
        Assert.Equal(0.0, EffectiveSampleSize.EventUniqueness([], [], []));
        Assert.Throws<ArgumentException>(() => EffectiveSampleSize.ForEqualWindows([3, 3], 2));
        Assert.Throws<ArgumentException>(() => EffectiveSampleSize.ForEqualWindows([4, 3], 2));
        Assert.Throws<ArgumentException>(() => EffectiveSampleSize.EventUniqueness([3], [2], new double[1]));
        Assert.Throws<ArgumentException>(() => EffectiveSampleSize.EventUniqueness([0, 0, 0, 1], 2, 2, new double[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveSampleSize.Kish([1.0, -1.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => EffectiveSampleSize.Kish([1.0, double.NaN]));
        // Non-overlapping windows are fully unique; fully overlapping ones count once in total.
        Assert.Equal(3.0, EffectiveSampleSize.ForEqualWindows([0, 10, 20], 10), 12);
        Assert.Equal(1.0 + 2.0 / 10, EffectiveSampleSize.ForEqualWindows([0, 1, 2], 10), 12);
    }

    [Fact]
    public void Equal_window_shortcut_equals_the_sum_of_uniqueness()
    {
        var rng = new TestRandom(99);
        for (var trial = 0; trial < 50; trial++)
        {
            var h = 1 + rng.NextInt(40);
            var starts = RandomSortedStarts(rng, 1 + rng.NextInt(60), 400);
            var u = new double[starts.Length];
            var first = starts.Select(s => s + 1).ToArray();
            var last = starts.Select(s => s + h).ToArray();
            var ess = EffectiveSampleSize.EventUniqueness(first, last, u);
            Assert.Equal(ess, EffectiveSampleSize.ForEqualWindows(starts, h), 10);
            var v = new double[starts.Length];
            Assert.Equal(ess, EffectiveSampleSize.EventUniqueness(starts, h, v), 12);
            Assert.Equal(u, v);
        }
    }

    [ReferenceFact(ReferenceTools.Python)]
    public void Uniqueness_matches_a_direct_python_computation_on_random_windows()
    {
        ReferenceTools.Require(ReferenceTools.Python);
        var rng = new TestRandom(4242);
        var n = 120;
        var first = new int[n];
        var last = new int[n];
        for (var i = 0; i < n; i++)
        {
            first[i] = rng.NextInt(900);
            last[i] = first[i] + rng.NextInt(60);
        }
        var script = """
            import sys, numpy as np
            f, l = [np.array(line.split(), dtype=int) for line in sys.stdin.read().strip().split('\n')]
            bars = l.max() + 1
            ind = np.zeros((bars, len(f)))
            for j in range(len(f)):
                ind[f[j]:l[j] + 1, j] = 1
            c = ind.sum(axis=1)
            inv = np.divide(1.0, c, out=np.zeros_like(c), where=c > 0)
            u = np.array([(inv[ind[:, j] > 0]).mean() for j in range(len(f))])
            print('u', *map(repr, u.tolist()))
            print('ess', repr(float(u.sum())))
            """;
        var r = StatisticsVectors.ParseKeyed(ReferenceTools.RunPython(script, StatisticsVectors.Format(first) + "\n" + StatisticsVectors.Format(last)));
        var u = new double[n];
        var ess = EffectiveSampleSize.EventUniqueness(first, last, u);
        Assert.Equal(r["ess"][0], ess, 10);
        for (var i = 0; i < n; i++) Assert.Equal(r["u"][i], u[i], 12);
    }

    private static int[] RandomSortedStarts(TestRandom rng, int count, int range)
    {
        var set = new SortedSet<int>();
        while (set.Count < count) set.Add(rng.NextInt(range));
        return set.ToArray();
    }
}
