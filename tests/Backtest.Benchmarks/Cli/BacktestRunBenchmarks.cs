using System.Globalization;
using System.Text;
using Backtest.Core.Costs;
using Backtest.Core.Engine;
using Backtest.Core.Events;
using Backtest.Core.Features;
using Backtest.Core.Market;
using Backtest.Core.Strategies;
using Backtest.Core.Strategies.Compilation;
using Backtest.Core.Time;
using Backtest.Lake.Bars;
using BenchmarkDotNet.Attributes;

namespace Backtest.Benchmarks.Cli;

/// <summary>
/// The in-process work of `backtest run` on one million 5m bars from a CSV (~66 MB: ISO times, two-decimal prices):
/// reading the file onto the grid, then computing the features on demand, compiling the blueprint and running the
/// research kernel with every friction of spec/costs.yaml. The command's wall time adds process start, spec loading
/// and writing trades.csv / equity.csv (measure it with `time`, see docs/cli.md).
/// Run: dotnet run -c Release --project tests/Backtest.Benchmarks -- --filter '*BacktestRun*'
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
public class BacktestRunBenchmarks
{
    private const int Rows = 1_000_000;
    private string _csv = "";
    private FeatureGraph _graph = null!;
    private EngineModels _models = null!;
    private static readonly IReadOnlyDictionary<string, EventDefinition> NoEvents = new Dictionary<string, EventDefinition>();

    /// <summary>The shipped examples' two hand-written shapes: a breakout with a time stop, an EMA cross out on the opposite cross.</summary>
    [Params("breakout", "ema_cross")]
    public string Blueprint { get; set; } = "";

    private Blueprint _blueprint = null!;

    [GlobalSetup]
    public void Setup()
    {
        _csv = Path.Combine(Path.GetTempPath(), $"backtest-bench-bars-1m-{Environment.ProcessId}.csv");
        WriteCsv(_csv, Rows);
        _graph = FeatureGraph.Build(
        [
            new FeatureDefinition("ema_fast", "ema", ["close"], [new("period", 12)], "fast"),
            new FeatureDefinition("ema_slow", "ema", ["close"], [new("period", 48)], "slow"),
        ]);
        var costs = new CostSettings(new FeeSettings(2, 4), 0.5,
            new ImpactSettings(ImpactModelKind.SquareRoot, 0.7, new Dictionary<string, double> { ["BTCUSDT"] = 0.5 }, 30), 0.05,
            new FundingSettings(FundingTreatment.Settle), new BorrowSettings(0.1));
        _models = EngineModels.FromCosts(costs, double.PositiveInfinity);
        _blueprint = Blueprint == "breakout"
            ? new Blueprint("btc_breakout_20", "BTCUSDT", MarketKind.Perp, Timeframe.Parse("5m"), new Trigger(When: "cross_above(close, highest(high, 20))"),
                Direction.Long, new EntryPolicy(), new ExitPolicy(TimeStopBars: 12), new FixedUnitsSizing(1))
            : new Blueprint("btc_ema_cross", "BTCUSDT", MarketKind.Perp, Timeframe.Parse("5m"), new Trigger(When: "cross_above(ema_fast, ema_slow)"),
                Direction.Long, new EntryPolicy(), new ExitPolicy(When: "cross_below(ema_fast, ema_slow)"), new FixedNotionalSizing(10_000));
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_csv);

    /// <summary>CSV → bars on the grid (parse, checks, BarCleaner).</summary>
    [Benchmark]
    public int ReadCsv() => BarsFile.Read(_csv, Timeframe.Parse("5m"), "BTCUSDT").Bars.Count;

    /// <summary>CSV → bars → features → strategy → kernel result: everything but process start, specs and output files.</summary>
    [Benchmark]
    public int ReadCompileRun()
    {
        var bars = BarsFile.Read(_csv, _blueprint.Timeframe, _blueprint.Symbol).Bars;
        var strategy = StrategyCompiler.Compile(_blueprint, bars, FeatureColumns.OnDemand(_graph, bars).Get, NoEvents);
        return new ResearchKernel(_models, 100_000).Run(strategy, bars).Trades.Count;
    }

    /// <summary>The generated file: a seeded random walk, one row per 5m bar from 2024-01-01, like an exchange export.</summary>
    internal static void WriteCsv(string path, int rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("datetime,open,high,low,close,volume\n");
        ulong state = 20240101;
        double Uniform() { state = state * 6364136223846793005UL + 1442695040888963407UL; return (state >> 11) * (1.0 / (1UL << 53)); }
        var price = 60_000.0;
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < rows; i++)
        {
            var open = price;
            var close = open * (1 + 0.002 * (Uniform() - 0.5) * 3.46);
            var high = Math.Max(open, close) * (1 + 0.001 * Uniform());
            var low = Math.Min(open, close) * (1 - 0.001 * Uniform());
            writer.Write(start.AddMinutes(5.0 * i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.Write(string.Create(CultureInfo.InvariantCulture, $",{open:F2},{high:F2},{low:F2},{close:F2},{50 + 100 * Uniform():F3}\n"));
            price = close;
        }
    }
}
