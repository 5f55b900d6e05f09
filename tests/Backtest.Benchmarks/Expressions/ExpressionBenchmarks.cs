using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Backtest.Core.Expressions;

namespace Backtest.Benchmarks.Expressions;

/// <summary>
/// Event-condition evaluation over 236k bars (~2.2 years of 5m bars). Times are per bar
/// (OperationsPerInvoke = bars), so Op/s reads directly as bars per second. HandWrittenLoop is the fused
/// loop a programmer would write for the first condition: the floor the vectorised evaluator is judged against.
/// Run: dotnet run -c Release --project tests/Backtest.Benchmarks -- --filter '*ExpressionBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerBarConfig))]
public class ExpressionBenchmarks
{
    private const int Bars = 236_000;

    private ColumnSet _columns = null!;
    private double[] _rv = null!, _ret = null!, _volume = null!, _volumeMa = null!;
    private ParsedExpression _threeComparisons = null!;
    private ParsedExpression _breakout = null!;
    private ParsedExpression _highest = null!;
    private ParsedExpression _cross = null!;

    private sealed class PerBarConfig : ManualConfig
    {
        public PerBarConfig()
        {
            AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(15));
            AddColumn(StatisticColumn.OperationsPerSecond);
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        // Deterministic synthetic columns: a random walk close, its high, and features with realistic ranges.
        var random = new Random(20240601);
        double[] Column() => new double[Bars];
        var close = Column();
        var high = Column();
        _rv = Column();
        _ret = Column();
        _volume = Column();
        _volumeMa = Column();
        var rsi = Column();
        var price = 100.0;
        for (var t = 0; t < Bars; t++)
        {
            var r = (random.NextDouble() - 0.5) * 0.004;
            price *= 1 + r;
            close[t] = price;
            high[t] = price * (1 + random.NextDouble() * 0.002);
            _ret[t] = r;
            _rv[t] = t < 12 ? double.NaN : (random.NextDouble() - 0.5) * 8;
            _volume[t] = random.NextDouble() * 100;
            _volumeMa[t] = 50;
            rsi[t] = random.NextDouble() * 100;
        }
        _columns = new ColumnSet(new Dictionary<string, double[]>
        {
            ["close"] = close, ["high"] = high, ["rv_1h_z"] = _rv, ["ret_1"] = _ret,
            ["volume"] = _volume, ["volume_ma"] = _volumeMa, ["rsi_14"] = rsi,
        });
        _threeComparisons = Expression.Parse("rv_1h_z > 3 and ret_1 > 0 and volume > 1.5 * volume_ma");
        _breakout = Expression.Parse("cross_above(close, highest(high, 20)) and rv_1h_z > 1 and between(rsi_14, 30, 70)");
        _highest = Expression.Parse("highest(high, 20)");
        _cross = Expression.Parse("cross_above(close, high)");
    }

    [Benchmark(OperationsPerInvoke = Bars)]
    public bool[] ThreeComparisons() => _threeComparisons.EvaluateBool(_columns, Bars);

    [Benchmark(OperationsPerInvoke = Bars)]
    public bool[] BreakoutWithFilters() => _breakout.EvaluateBool(_columns, Bars);

    [Benchmark(OperationsPerInvoke = Bars, Baseline = true)]
    public bool[] HandWrittenLoop()
    {
        var result = new bool[Bars];
        for (var t = 0; t < Bars; t++)
            result[t] = _rv[t] > 3 && _ret[t] > 0 && _volume[t] > 1.5 * _volumeMa[t];
        return result;
    }

    [Benchmark(OperationsPerInvoke = Bars)]
    public double[] Highest20() => _highest.EvaluateNumber(_columns, Bars);

    [Benchmark(OperationsPerInvoke = Bars)]
    public bool[] CrossAboveColumns() => _cross.EvaluateBool(_columns, Bars);

    [Benchmark]
    public ParsedExpression ParseBreakout() =>
        Expression.Parse("cross_above(close, highest(high, 20)) and rv_1h_z > 1 and between(rsi_14, 30, 70)");
}
