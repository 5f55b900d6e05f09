using Backtest.Core.Bars;
using Backtest.Core.Costs;
using Backtest.Core.Engine;
using Backtest.Core.Market;
using Backtest.Core.Strategies;
using Backtest.Core.Time;
using BenchmarkDotNet.Attributes;

namespace Backtest.Benchmarks.Engine;

/// <summary>
/// Throughput of the single-symbol research kernel (target ≥ 50M bars/s on one core): a breakout blueprint with a
/// 12-bar time stop on a 5m random walk, frictionless fixed size vs. every friction with risk-budget sizing.
/// Bars/s = Bars / time. On a shared machine the Min column is the least-disturbed iteration.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
public class ResearchKernelBenchmarks
{
    private BarFrame _bars = null!;
    private Strategy _strategy = null!;
    private ResearchKernel _frictionless = null!;
    private ResearchKernel _allCosts = null!;
    private Strategy _riskBudget = null!;

    /// <summary>Bars per run.</summary>
    [Params(1_000_000)]
    public int Bars { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var n = Bars;
        var ts = new long[n]; var open = new double[n]; var high = new double[n]; var low = new double[n]; var close = new double[n];
        var volume = new double[n]; var quote = new double[n]; var rate = new double[n]; var interval = new double[n]; var oi = new double[n];
        ulong state = 12345;
        double Uniform() { state = state * 6364136223846793005UL + 1442695040888963407UL; return (state >> 11) * (1.0 / (1UL << 53)); }
        var price = 60_000.0;
        for (var i = 0; i < n; i++)
        {
            ts[i] = 1_704_067_500_000 + i * 300_000L;
            open[i] = price;
            price *= 1 + 0.002 * (Uniform() - 0.5) * 3.46;
            close[i] = price;
            high[i] = Math.Max(open[i], close[i]) * 1.0005;
            low[i] = Math.Min(open[i], close[i]) * 0.9995;
            volume[i] = 100;
            quote[i] = 100 * price;
            if ((i + 1) % 96 == 0) { interval[i] = 8; rate[i] = 0.0001; }
        }
        _bars = new BarFrame("BTCUSDT", Timeframe.Parse("5m"), ts, open, high, low, close, volume, quote, rate, interval, oi, new bool[n]);
        // cross_above(close, highest(high, 20)) precomputed, as the interpreter would hand it over
        var entry = new bool[n];
        var wasAbove = false;
        for (var i = 20; i < n; i++)
        {
            var highest = double.MinValue;
            for (var k = i - 20; k < i; k++) highest = Math.Max(highest, high[k]);
            var above = close[i] > highest;
            entry[i] = above && !wasAbove;
            wasAbove = above;
        }
        _strategy = new Strategy("bench", "BTCUSDT", MarketKind.Perp, Direction.Long, entry, null, new ExitRules(12), null, new FixedUnitsSizing(1));
        _riskBudget = _strategy with { Sizing = new RiskBudgetSizing(0.2, 30) };
        var none = new CostSettings(new FeeSettings(0, 0), 0, new ImpactSettings(ImpactModelKind.None, 0, new Dictionary<string, double>(), 30), null,
            new FundingSettings(FundingTreatment.Settle), new BorrowSettings(0));
        var all = new CostSettings(new FeeSettings(2, 4), 0.5, new ImpactSettings(ImpactModelKind.SquareRoot, 0.7, new Dictionary<string, double>(), 30), 0.05,
            new FundingSettings(FundingTreatment.Settle), new BorrowSettings(0.1));
        _frictionless = new ResearchKernel(EngineModels.FromCosts(none, double.PositiveInfinity), 1_000_000);
        _allCosts = new ResearchKernel(EngineModels.FromCosts(all, 2), 1_000_000);
        var probe = _frictionless.Run(_strategy, _bars);
        Console.WriteLine($"// trades {probe.Trades.Count}, bars in market {probe.Ledger.Position.Count(p => p != 0)} of {n}");
    }

    /// <summary>Fixed size, no frictions: the kernel's loop and ledger alone.</summary>
    [Benchmark(Baseline = true)]
    public ResearchResult FixedUnitsFrictionless() => _frictionless.Run(_strategy, _bars);

    /// <summary>Fees, spread, square-root impact with point-in-time liquidity, participation cap, funding, risk budget.</summary>
    [Benchmark]
    public ResearchResult RiskBudgetAllCosts() => _allCosts.Run(_riskBudget, _bars);
}
