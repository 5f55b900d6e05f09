using Backtest.Core.Features.Kernels;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Backtest.Benchmarks.Features;

/// <summary>
/// Throughput of the feature kernels on 1M bars of a random walk, one core. Targets (issue 2): EMA ≥ 390M,
/// rolling std ≥ 190M, RSI ≥ 135M, ATR ≥ 80M bars/s. Run:
/// <c>dotnet run -c Release --project tests/Backtest.Benchmarks -- --filter '*FeatureKernelBenchmarks*'</c>
/// </summary>
[Config(typeof(Configuration))]
public class FeatureKernelBenchmarks
{
    private const int Bars = 1_000_000;

    private double[] _high = [], _low = [], _close = [], _returns = [], _quoteVolume = [], _output = [];

    /// <summary>Window or period of the windowed kernels: a short, a daily and a 30-day window of 5m bars.</summary>
    [Params(14, 288, 8640)]
    public int Window { get; set; }

    private sealed class Configuration : ManualConfig
    {
        public Configuration() => AddColumn(StatisticColumn.Median, StatisticColumn.Min, new BarsPerSecondColumn());
    }

    [GlobalSetup]
    public void Setup()
    {
        ulong state = 0x5EED;
        double Uniform()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
        }
        _high = new double[Bars];
        _low = new double[Bars];
        _close = new double[Bars];
        _returns = new double[Bars];
        _quoteVolume = new double[Bars];
        _output = new double[Bars];
        var price = 30_000.0;
        for (var i = 0; i < Bars; i++)
        {
            var previous = price;
            price *= 1 + 0.002 * (Uniform() - 0.5);
            _close[i] = price;
            _high[i] = Math.Max(previous, price) * (1 + 0.001 * Uniform());
            _low[i] = Math.Min(previous, price) * (1 - 0.001 * Uniform());
            _returns[i] = Math.Log(price / previous);
            _quoteVolume[i] = 1e6 * (0.5 + Uniform());
        }
    }

    [Benchmark(OperationsPerInvoke = Bars)]
    public void Ema() => FeatureKernels.Ema(_close, Window, _output);

    [Benchmark(OperationsPerInvoke = Bars)]
    public void RollingStd() => FeatureKernels.RollingStd(_close, Window, 0, _output);

    /// <summary>The one-block-at-a-time path alone, run beside <see cref="RollingStd"/> so this VM's drift cancels in the ratio.</summary>
    [Benchmark(OperationsPerInvoke = Bars)]
    public void RollingStdScalar() => FeatureKernels.RollingStd(_close, Window, 0, _output, vectorize: false);

    [Benchmark(OperationsPerInvoke = Bars)]
    public void RollingZScore() => FeatureKernels.RollingZScore(_close, Window, 0, _output);

    [Benchmark(OperationsPerInvoke = Bars)]
    public void RollingMean() => FeatureKernels.RollingMean(_close, Window, _output);

    [Benchmark(OperationsPerInvoke = Bars)]
    public void Rsi() => FeatureKernels.Rsi(_close, Window, _output);

    [Benchmark(OperationsPerInvoke = Bars)]
    public void Atr() => FeatureKernels.Atr(_high, _low, _close, Window, _output);

    [Benchmark(OperationsPerInvoke = Bars)]
    public void RealizedVolatility() => FeatureKernels.RealizedVolatility(_returns, Window, 1.0, _output);

    [Benchmark(OperationsPerInvoke = Bars)]
    public void Amihud() => FeatureKernels.Amihud(_returns, _quoteVolume, Window, 1e6, _output);
}
