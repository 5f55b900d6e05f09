using BenchmarkDotNet.Attributes;
using Backtest.Core.Statistics;

namespace Backtest.Benchmarks.Statistics;

/// <summary>
/// The statistics part of Discover for one symbol window: 236k 5m bars (about 820 days) × 8 event sets ×
/// 3 horizons × 2 directions = 48 hypotheses, μ_h computed once per horizon and reused, then BY q-values
/// over the family. Budget: well under 1 s on one core.
/// </summary>
[MemoryDiagnoser]
public class DiscoverStatisticsBenchmark
{
    private const int Bars = 236_000;
    private static readonly int[] Horizons = [12, 48, 288];

    private double[] _logClose = [];
    private int[][] _events = [];
    private double[] _scratch = [];
    private double[] _p = [];

    /// <summary>Events per event set: sparse (cooldown-limited) and dense.</summary>
    [Params(500, 5_000)]
    public int EventsPerSet { get; set; }

    /// <summary>The default lag rule and the literal h − 1 rule (costlier: lag up to 287 over the event sample).</summary>
    [Params(HacLagRule.EventOverlap, HacLagRule.HorizonMinusOne)]
    public HacLagRule LagRule { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var state = 0x5EEDUL;
        double Uniform()
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
        }

        _logClose = new double[Bars];
        _logClose[0] = Math.Log(30_000.0);
        for (var i = 1; i < Bars; i++)
            _logClose[i] = _logClose[i - 1] + 0.002 * Math.Sqrt(-2.0 * Math.Log(1.0 - Uniform())) * Math.Cos(2.0 * Math.PI * Uniform());

        _events = new int[8][];
        for (var e = 0; e < 8; e++)
        {
            var set = new SortedSet<int>();
            while (set.Count < EventsPerSet) set.Add((int)(Uniform() * Bars));
            _events[e] = set.ToArray();
        }
        _scratch = new double[EventsPerSet];
        _p = new double[8 * Horizons.Length * 2];
    }

    /// <summary>48 hypotheses and their q-values; returns a checksum so nothing is optimised away.</summary>
    [Benchmark]
    public double Discover()
    {
        var k = 0;
        foreach (var h in Horizons)
        {
            var drift = HypothesisTest.MeanForwardLogReturn(_logClose, h);
            foreach (var events in _events)
            {
                _p[k++] = HypothesisTest.Evaluate(_logClose, events, h, +1, drift, _scratch, LagRule).P;
                _p[k++] = HypothesisTest.Evaluate(_logClose, events, h, -1, drift, _scratch, LagRule).P;
            }
        }
        var q = FalseDiscovery.QValues(_p);
        var sum = 0.0;
        foreach (var v in q) sum += v;
        return sum;
    }
}
