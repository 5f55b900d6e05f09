using Backtest.Core.Market;
using Backtest.Lake.Sources.Binance;
using Backtest.Lake.Sources.Binance.Download;
using Backtest.Stages.Pipeline;

namespace Backtest.Stages.Ingest;

/// <summary>
/// The Download target: fetches the Binance Data Vision files Ingest (--source binance) reads, for each symbol
/// and the months from --from to --to (klines of the timeframe; on perps also funding and open-interest metrics),
/// into --raw-dir. Not an action: its input is a network server, which no cache key can hash; the downloader
/// itself skips files whose published checksum already matches.
/// </summary>
public static class DownloadStage
{
    /// <summary>The Download target: <see cref="RunAsync"/> against Binance's public server.</summary>
    public static string Run(PipelineSettings settings, Action<string> log, CancellationToken cancellation)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        return RunAsync(settings, http, log, cancellation).GetAwaiter().GetResult();
    }

    /// <summary>Downloads everything the settings ask for; returns a one-line summary. Throws with the cause on any failure.</summary>
    public static async Task<string> RunAsync(PipelineSettings settings, HttpClient http, Action<string> log, CancellationToken cancellation,
        BinanceDownloaderOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(settings.RawDir))
            throw new ArgumentException("Download needs --raw-dir: the folder to write the Binance files into (e.g. --raw-dir data/raw/binance)");
        if (settings.From is null)
            throw new ArgumentException("Download needs --from: the first UTC date to fetch (e.g. --from 2024-01-01); --to defaults to today");
        var clock = (options ?? new BinanceDownloaderOptions()).Clock;
        var from = Month(settings.From.Value);
        var to = settings.To is { } t ? Month(t) : DataMonth.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (to < from) throw new ArgumentException($"--to ({to}) is before --from ({from})");

        var rawDir = Path.GetFullPath(Path.Combine(settings.Root, settings.RawDir));
        var downloader = new BinanceDownloader(http, options);
        int downloaded = 0, upToDate = 0, missing = 0;
        foreach (var symbol in settings.Symbols)
        foreach (var kind in Kinds(settings.Market))
        {
            var request = new BinanceDownloadRequest(settings.Market, symbol, kind, from, to, kind == BinanceDataKind.Klines ? settings.Timeframe : null);
            var report = await downloader.DownloadAsync(request, rawDir,
                new Progress<DownloadedFile>(f => log($"{f.Outcome,-10} {f.RelativePath}")), cancellation).ConfigureAwait(false);
            foreach (var note in report.Notes) log(note);
            downloaded += report.Count(DownloadOutcome.Downloaded);
            upToDate += report.Count(DownloadOutcome.UpToDate);
            missing += report.Count(DownloadOutcome.Missing);
        }
        return $"{downloaded} downloaded, {upToDate} already present, {missing} not published; in {rawDir}";
    }

    private static DataMonth Month(long ms) => DataMonth.Of(DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime));

    // Funding and metrics exist for USDT-M perpetuals only.
    private static BinanceDataKind[] Kinds(MarketKind market) =>
        market == MarketKind.Perp ? [BinanceDataKind.Klines, BinanceDataKind.FundingRate, BinanceDataKind.Metrics] : [BinanceDataKind.Klines];
}
