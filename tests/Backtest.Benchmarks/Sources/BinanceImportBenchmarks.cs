using System.IO.Compression;
using Backtest.Core.Market;
using Backtest.Core.Time;
using Backtest.Lake.Sources.Binance;
using BenchmarkDotNet.Attributes;

namespace Backtest.Benchmarks.Sources;

/// <summary>
/// Import speed of the real 27-month BTCUSDT 5m file (236,448 bars) from ../shared/data/real: gzip'd as shipped,
/// and already decompressed (the parser alone). Run: dotnet run -c Release --project tests/Backtest.Benchmarks -- --filter '*BinanceImport*'
/// </summary>
[MemoryDiagnoser]
public class BinanceImportBenchmarks
{
    private static readonly Timeframe FiveMinutes = Timeframe.Parse("5m");
    private string _gzip = "";
    private string _plain = "";
    private string _funding = "";

    /// <summary>Finds the shared data beside the repository and writes a decompressed copy for the parser-only case.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var real = RealDataFolder();
        _gzip = Path.Combine(real, "binance-usdm-5m", "BTCUSDT-5m.csv.gz");
        _funding = Path.Combine(real, "binance-usdm-funding", "BTCUSDT-fundingRate.csv");
        _plain = Path.Combine(Path.GetTempPath(), $"backtest-bench-BTCUSDT-5m-{Environment.ProcessId}.csv");
        using var source = new GZipStream(File.OpenRead(_gzip), CompressionMode.Decompress);
        using var target = File.Create(_plain);
        source.CopyTo(target);
    }

    /// <summary>Removes the decompressed copy.</summary>
    [GlobalCleanup]
    public void Cleanup() => File.Delete(_plain);

    /// <summary>The file as shipped: gunzip + parse + series.</summary>
    [Benchmark(Baseline = true)]
    public KlineSeries KlinesGzip() => BinanceImporter.ImportKlines([_gzip], FiveMinutes);

    /// <summary>Parsing alone, from a plain CSV.</summary>
    [Benchmark]
    public KlineSeries KlinesPlain() => BinanceImporter.ImportKlines([_plain], FiveMinutes);

    /// <summary>The full 2019–2025 funding history (6,089 prints).</summary>
    [Benchmark]
    public FundingSeries Funding() => BinanceImporter.ImportFunding([_funding]);

    private static string RealDataFolder()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("BACKTEST_REAL_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Backtest.sln")))
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "real"));
        throw new InvalidOperationException(
            $"Backtest.sln not found above {AppContext.BaseDirectory}; set BACKTEST_REAL_DATA to the shared real data folder");
    }
}
