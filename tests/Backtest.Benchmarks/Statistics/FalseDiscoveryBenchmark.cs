using BenchmarkDotNet.Attributes;
using Backtest.Core.Statistics;

namespace Backtest.Benchmarks.Statistics;

/// <summary>BY q-values over a run-sized family (~50k hypotheses), the one step that sees every hypothesis at once.</summary>
[MemoryDiagnoser]
public class FalseDiscoveryBenchmark
{
    private double[] _p = [];
    private double[] _q = [];

    [GlobalSetup]
    public void Setup()
    {
        var state = 0xFD2UL;
        _p = new double[50_000];
        for (var i = 0; i < _p.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            _p[i] = ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
        }
        _q = new double[_p.Length];
    }

    [Benchmark]
    public double QValuesBy()
    {
        FalseDiscovery.QValues(_p, _q, FdrMethod.BenjaminiYekutieli);
        return _q[0];
    }
}
