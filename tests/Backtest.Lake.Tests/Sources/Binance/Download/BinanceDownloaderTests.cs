using System.Text;
using Backtest.Core.Market;
using Backtest.Core.Time;
using Backtest.Lake.Sources.Binance;
using Backtest.Lake.Sources.Binance.Download;

namespace Backtest.Lake.Tests.Sources.Binance.Download;

/// <summary>The downloader against a local server laid out like data.binance.vision.</summary>
public sealed class BinanceDownloaderTests : IDisposable
{
    private static readonly Timeframe FiveMinutes = Timeframe.Parse("5m");
    private readonly DataVisionServer _server = new();
    private readonly TempRawFolder _raw = new();

    private const string Jan = "data/futures/um/monthly/klines/BTCUSDT/5m/BTCUSDT-5m-2024-01.zip";
    private const string Feb = "data/futures/um/monthly/klines/BTCUSDT/5m/BTCUSDT-5m-2024-02.zip";
    private const string Mar1 = "data/futures/um/daily/klines/BTCUSDT/5m/BTCUSDT-5m-2024-03-01.zip";
    private const string Mar2 = "data/futures/um/daily/klines/BTCUSDT/5m/BTCUSDT-5m-2024-03-02.zip";

    public void Dispose()
    {
        _raw.Dispose();
        _server.Dispose();
    }

    [Fact]
    public void The_plan_uses_monthly_archives_for_complete_months_and_daily_ones_for_the_current_month()
    {
        var (paths, notes) = BinanceDownloader.Plan(Klines("2024-01", "2024-03"), new DateOnly(2024, 3, 3));

        Assert.Equal([Jan, Feb, Mar1, Mar2], paths);
        Assert.Equal(["klines for 2024-03 come as daily archives up to 2024-03-02 (a daily archive is published the day after)"], notes);
    }

    [Fact]
    public void The_plan_for_spot_funding_and_metrics_follows_the_data_vision_layout()
    {
        var today = new DateOnly(2024, 3, 2);
        var spot = BinanceDownloader.Plan(new BinanceDownloadRequest(MarketKind.Spot, "SOLUSDT", BinanceDataKind.Klines,
            DataMonth.Parse("2024-02"), DataMonth.Parse("2024-03"), Timeframe.Parse("1h")), today);
        var funding = BinanceDownloader.Plan(new BinanceDownloadRequest(MarketKind.Perp, "BTCUSDT", BinanceDataKind.FundingRate,
            DataMonth.Parse("2024-01"), DataMonth.Parse("2024-03")), today);
        var metrics = BinanceDownloader.Plan(new BinanceDownloadRequest(MarketKind.Perp, "BTCUSDT", BinanceDataKind.Metrics,
            DataMonth.Parse("2024-02"), DataMonth.Parse("2024-03")), today);

        Assert.Equal(
            ["data/spot/monthly/klines/SOLUSDT/1h/SOLUSDT-1h-2024-02.zip", "data/spot/daily/klines/SOLUSDT/1h/SOLUSDT-1h-2024-03-01.zip"],
            spot.Paths);
        Assert.Equal(
            ["data/futures/um/monthly/fundingRate/BTCUSDT/BTCUSDT-fundingRate-2024-01.zip", "data/futures/um/monthly/fundingRate/BTCUSDT/BTCUSDT-fundingRate-2024-02.zip"],
            funding.Paths);
        Assert.Equal(["fundingRate for 2024-03 is published as a monthly archive only after the month ends; not requested"], funding.Notes);
        Assert.Equal(30, metrics.Paths.Count); // 29 days of February 2024 and March 1st
        Assert.Equal("data/futures/um/daily/metrics/BTCUSDT/BTCUSDT-metrics-2024-02-01.zip", metrics.Paths[0]);
        Assert.Equal("data/futures/um/daily/metrics/BTCUSDT/BTCUSDT-metrics-2024-03-01.zip", metrics.Paths[^1]);
    }

    [Fact]
    public void A_range_past_the_current_month_stops_there_with_a_note()
    {
        var (paths, notes) = BinanceDownloader.Plan(Klines("2024-02", "2024-05"), new DateOnly(2024, 3, 1));

        Assert.Equal([Feb], paths);
        Assert.Equal(["2024-05 is after the current month; the range stops at 2024-03", "klines for 2024-03: no complete day yet (a daily archive is published the day after)"], notes);
    }

    [Theory]
    [InlineData(MarketKind.Spot, "SOLUSDT", BinanceDataKind.FundingRate, "2024-01", "2024-01", null, "spot markets have no fundingRate data; it exists for USDT-M perpetuals only")]
    [InlineData(MarketKind.Perp, "BTCUSDT", BinanceDataKind.Klines, "2024-01", "2024-01", null, "klines need a timeframe (e.g. 5m)")]
    [InlineData(MarketKind.Perp, "BTCUSDT", BinanceDataKind.Metrics, "2024-01", "2024-01", "5m", "metrics has no timeframe; leave it out")]
    [InlineData(MarketKind.Perp, "BTCUSDT", BinanceDataKind.Klines, "2024-02", "2024-01", "5m", "the range 2024-02 to 2024-01 is empty: the first month is after the last")]
    [InlineData(MarketKind.Perp, "btcusdt", BinanceDataKind.Klines, "2024-01", "2024-01", "5m", "'btcusdt' is not a Binance symbol: use upper-case letters and digits, e.g. BTCUSDT")]
    [InlineData(MarketKind.Perp, "BTCUSDT", BinanceDataKind.Klines, "2024-04", "2024-05", "5m", "the first month 2024-04 is after the current month 2024-03 (today is 2024-03-03 UTC): there is no data for it yet")]
    public void Impossible_requests_are_rejected_with_the_reason(MarketKind market, string symbol, BinanceDataKind kind, string from, string to, string? tf, string message)
    {
        var request = new BinanceDownloadRequest(market, symbol, kind, DataMonth.Parse(from), DataMonth.Parse(to), tf is null ? null : Timeframe.Parse(tf));

        var e = Assert.Throws<ArgumentException>(() => BinanceDownloader.Plan(request, new DateOnly(2024, 3, 3)));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public async Task Downloads_land_in_the_data_vision_layout_verified_and_import_end_to_end()
    {
        var jan = ServeMonth(Jan, 1704067200000, 1.0);
        ServeMonth(Feb, 1706745600000, 2.0);
        ServeMonth(Mar1, 1709251200000, 3.0);
        ServeMonth(Mar2, 1709337600000, 4.0);
        var seen = new List<DownloadedFile>();

        var report = await Downloader().DownloadAsync(Klines("2024-01", "2024-03"), _raw.Root, new SyncProgress(seen));

        Assert.Equal([Jan, Feb, Mar1, Mar2], report.Files.Select(f => f.RelativePath));
        Assert.All(report.Files, f => Assert.Equal(DownloadOutcome.Downloaded, f.Outcome));
        Assert.Equal(report.Files, seen);
        Assert.Equal(new Uri(_server.BaseUri, Jan), report.Files[0].Url);
        Assert.Equal(DataVisionServer.Sha256(jan), report.Files[0].Sha256);
        Assert.Equal(jan, File.ReadAllBytes(Path.Combine(_raw.Root, Jan)));
        Assert.Equal($"{DataVisionServer.Sha256(jan)}  BTCUSDT-5m-2024-01.zip\n", File.ReadAllText(Path.Combine(_raw.Root, Jan + ".CHECKSUM")));
        Assert.Empty(Directory.GetFiles(_raw.Root, "*.tmp", SearchOption.AllDirectories));

        var import = BinanceImporter.Import(BinanceRawFolder.Scan(_raw.Root), MarketKind.Perp, "BTCUSDT", FiveMinutes);
        Assert.Equal(8, import.Klines.Count);
        Assert.Equal([1.0, 1, 2, 2, 3, 3, 4, 4], import.Klines.Close);
    }

    [Fact]
    public async Task A_second_run_fetches_only_the_checksums_and_refetches_a_damaged_file()
    {
        ServeMonth(Jan, 1704067200000, 1.0);
        var feb = ServeMonth(Feb, 1706745600000, 2.0);
        await Downloader().DownloadAsync(Klines("2024-01", "2024-02"), _raw.Root);
        File.WriteAllBytes(Path.Combine(_raw.Root, Feb), Encoding.ASCII.GetBytes("truncated"));

        var report = await Downloader().DownloadAsync(Klines("2024-01", "2024-02"), _raw.Root);

        Assert.Equal([DownloadOutcome.UpToDate, DownloadOutcome.Downloaded], report.Files.Select(f => f.Outcome));
        Assert.Equal(1, _server.Requests(Jan));
        Assert.Equal(2, _server.Requests(Jan + ".CHECKSUM"));
        Assert.Equal(2, _server.Requests(Feb));
        Assert.Equal(feb, File.ReadAllBytes(Path.Combine(_raw.Root, Feb)));
    }

    [Fact]
    public async Task A_checksum_mismatch_is_an_error_and_leaves_nothing_behind()
    {
        ServeMonth(Jan, 1704067200000, 1.0);
        _server.Put(Jan + ".CHECKSUM", Encoding.ASCII.GetBytes($"{new string('0', 64)}  BTCUSDT-5m-2024-01.zip\n"));

        var e = await Assert.ThrowsAsync<BinanceDownloadException>(() => Downloader().DownloadAsync(Klines("2024-01", "2024-01"), _raw.Root));

        var actual = DataVisionServer.Sha256(ArchiveBytes(1704067200000, 1.0));
        Assert.Equal($"{new Uri(_server.BaseUri, Jan)}: checksum mismatch: its .CHECKSUM says SHA-256 {new string('0', 64)} but the downloaded bytes hash to {actual}; the file was not written (the local copy, if any, is unchanged). Try again later; if it persists the archive on the server is inconsistent", e.Message);
        Assert.Empty(Directory.GetFiles(_raw.Root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_checksum_mismatch_keeps_the_local_copy_unchanged()
    {
        ServeMonth(Jan, 1704067200000, 1.0);
        await Downloader().DownloadAsync(Klines("2024-01", "2024-01"), _raw.Root);
        var before = File.ReadAllBytes(Path.Combine(_raw.Root, Jan));
        // the server now publishes a new archive whose checksum file does not match it
        _server.Put(Jan, ArchiveBytes(1704067200000, 9.0));
        _server.Put(Jan + ".CHECKSUM", Encoding.ASCII.GetBytes($"{new string('a', 64)}  BTCUSDT-5m-2024-01.zip\n"));

        await Assert.ThrowsAsync<BinanceDownloadException>(() => Downloader().DownloadAsync(Klines("2024-01", "2024-01"), _raw.Root));

        Assert.Equal(before, File.ReadAllBytes(Path.Combine(_raw.Root, Jan)));
        Assert.Empty(Directory.GetFiles(_raw.Root, "*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("not a checksum")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000  BTCUSDT-5m-2023-12.zip")]
    public async Task A_malformed_checksum_file_is_an_error(string content)
    {
        ServeMonth(Jan, 1704067200000, 1.0);
        _server.Put(Jan + ".CHECKSUM", Encoding.ASCII.GetBytes(content));

        var e = await Assert.ThrowsAsync<BinanceDownloadException>(() => Downloader().DownloadAsync(Klines("2024-01", "2024-01"), _raw.Root));

        Assert.Equal($"{new Uri(_server.BaseUri, Jan + ".CHECKSUM")}: malformed checksum file: expected \"<64 hex digits>  BTCUSDT-5m-2024-01.zip\" (sha256sum output), found \"{content}\"", e.Message);
    }

    [Fact]
    public async Task Months_without_data_are_reported_missing_and_skipped()
    {
        // listed in February: January is 404
        ServeMonth(Feb, 1706745600000, 2.0);

        var report = await Downloader().DownloadAsync(Klines("2024-01", "2024-02"), _raw.Root);

        Assert.Equal([DownloadOutcome.Missing, DownloadOutcome.Downloaded], report.Files.Select(f => f.Outcome));
        Assert.Null(report.Files[0].Sha256);
        Assert.Equal(1, report.Count(DownloadOutcome.Missing));
        Assert.False(File.Exists(Path.Combine(_raw.Root, Jan)));
        Assert.Equal(0, _server.Requests(Jan)); // no checksum, no archive request
    }

    [Fact]
    public async Task Missing_files_can_be_set_to_fail()
    {
        ServeMonth(Feb, 1706745600000, 2.0);
        var downloader = Downloader(new BinanceDownloaderOptions { Missing = MissingFilePolicy.Fail });

        var e = await Assert.ThrowsAsync<BinanceDownloadException>(() => downloader.DownloadAsync(Klines("2024-01", "2024-02"), _raw.Root));

        Assert.Equal($"{new Uri(_server.BaseUri, Jan)}: Binance has no such file (HTTP 404), so BTCUSDT has no klines data for that period; stopping because missing files are set to fail", e.Message);
    }

    [Fact]
    public async Task A_request_with_no_file_at_all_is_an_error_suggesting_the_symbol_is_wrong()
    {
        var request = new BinanceDownloadRequest(MarketKind.Perp, "BTCUSDX", BinanceDataKind.Klines, DataMonth.Parse("2024-01"), DataMonth.Parse("2024-02"), FiveMinutes);

        var e = await Assert.ThrowsAsync<BinanceDownloadException>(() => Downloader().DownloadAsync(request, _raw.Root));

        Assert.Equal($"{_server.BaseUri} has no perp 5m klines for BTCUSDX from 2024-01 to 2024-02: all 2 file(s) returned HTTP 404 (first: {new Uri(_server.BaseUri, "data/futures/um/monthly/klines/BTCUSDX/5m/BTCUSDX-5m-2024-01.zip")}); check the symbol and that it was listed in that period", e.Message);
    }

    [Fact]
    public async Task Server_errors_are_retried_then_reported()
    {
        ServeMonth(Jan, 1704067200000, 1.0);
        _server.FailNext(Jan, 503, 500);

        var report = await Downloader().DownloadAsync(Klines("2024-01", "2024-01"), _raw.Root);

        Assert.Equal(DownloadOutcome.Downloaded, report.Files[0].Outcome);
        Assert.Equal(3, _server.Requests(Jan));

        _server.FailNext(Feb + ".CHECKSUM", 500, 500, 500);
        var e = await Assert.ThrowsAsync<BinanceDownloadException>(() => Downloader().DownloadAsync(Klines("2024-02", "2024-02"), _raw.Root));
        Assert.Equal($"{new Uri(_server.BaseUri, Feb + ".CHECKSUM")}: the server answered HTTP 500 (InternalServerError) after 3 attempts; the raw folder was not changed for this file", e.Message);
    }

    [Fact]
    public async Task Client_errors_other_than_404_are_not_retried()
    {
        ServeMonth(Jan, 1704067200000, 1.0);
        _server.FailNext(Jan + ".CHECKSUM", 403);

        var e = await Assert.ThrowsAsync<BinanceDownloadException>(() => Downloader().DownloadAsync(Klines("2024-01", "2024-01"), _raw.Root));

        Assert.Equal($"{new Uri(_server.BaseUri, Jan + ".CHECKSUM")}: the server answered HTTP 403 (Forbidden); the raw folder was not changed for this file", e.Message);
        Assert.Equal(1, _server.Requests(Jan + ".CHECKSUM"));
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_with_the_base_url()
    {
        var closed = _server.BaseUri;
        _server.Dispose();
        var downloader = new BinanceDownloader(new HttpClient(), new BinanceDownloaderOptions { BaseUri = closed, RetryDelay = TimeSpan.Zero, Retries = 1, Clock = new FixedClock(new DateOnly(2024, 3, 3)) });

        var e = await Assert.ThrowsAsync<BinanceDownloadException>(() => downloader.DownloadAsync(Klines("2024-01", "2024-01"), _raw.Root));

        Assert.StartsWith($"{new Uri(closed, Jan + ".CHECKSUM")}: the request failed after 2 attempts (", e.Message);
        Assert.EndsWith($"); check the network or the base URL {closed}", e.Message);
    }

    [Fact]
    public async Task Funding_and_metrics_download_and_import_end_to_end()
    {
        const string fundingPath = "data/futures/um/monthly/fundingRate/BTCUSDT/BTCUSDT-fundingRate-2024-01.zip";
        _server.AddArchive(fundingPath, "calc_time,funding_interval_hours,last_funding_rate\n1704067200005,8,0.00037409\n1704096000000,8,0.00010000\n");
        for (var day = 1; day <= 2; day++)
            _server.AddArchive($"data/futures/um/daily/metrics/BTCUSDT/BTCUSDT-metrics-2024-03-0{day}.zip",
                $"create_time,symbol,sum_open_interest,sum_open_interest_value,count_toptrader_long_short_ratio,sum_toptrader_long_short_ratio,count_long_short_ratio,sum_taker_long_short_vol_ratio\n2024-03-0{day} 00:05:00,BTCUSDT,{day}00,{day}000,1,1,1,1\n");
        ServeMonth(Mar1, 1709251200000, 3.0);
        var downloader = Downloader();

        await downloader.DownloadAsync(new BinanceDownloadRequest(MarketKind.Perp, "BTCUSDT", BinanceDataKind.FundingRate, DataMonth.Parse("2024-01"), DataMonth.Parse("2024-01")), _raw.Root);
        await downloader.DownloadAsync(new BinanceDownloadRequest(MarketKind.Perp, "BTCUSDT", BinanceDataKind.Metrics, DataMonth.Parse("2024-03"), DataMonth.Parse("2024-03")), _raw.Root);
        await downloader.DownloadAsync(Klines("2024-03", "2024-03"), _raw.Root, null);

        var import = BinanceImporter.Import(BinanceRawFolder.Scan(_raw.Root), MarketKind.Perp, "BTCUSDT", FiveMinutes);
        Assert.Equal([1704067200000, 1704096000000], import.Funding!.Ts);
        Assert.Equal([1709251500000, 1709337900000], import.OpenInterest!.Ts);
        Assert.Equal([100.0, 200], import.OpenInterest.OpenInterest);
    }

    private static BinanceDownloadRequest Klines(string from, string to) =>
        new(MarketKind.Perp, "BTCUSDT", BinanceDataKind.Klines, DataMonth.Parse(from), DataMonth.Parse(to), FiveMinutes);

    private BinanceDownloader Downloader(BinanceDownloaderOptions? options = null) =>
        new(new HttpClient(), (options ?? new BinanceDownloaderOptions()) with
        {
            BaseUri = _server.BaseUri,
            RetryDelay = TimeSpan.Zero,
            Clock = new FixedClock(new DateOnly(2024, 3, 3)),
        });

    // Two 5m bars opening at firstOpen, in the 12-column layout with the futures header.
    private static string MonthCsv(long firstOpen, double close) =>
        "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore\n" +
        $"{firstOpen},{close},{close},{close},{close},10,{firstOpen + 299_999},10,1,5,5,0\n" +
        $"{firstOpen + 300_000},{close},{close},{close},{close},10,{firstOpen + 599_999},10,1,5,5,0\n";

    private static byte[] ArchiveBytes(long firstOpen, double close) => TempRawFolder.ZipBytes(("BTCUSDT-5m-2024-01.csv", MonthCsv(firstOpen, close)));

    private byte[] ServeMonth(string path, long firstOpen, double close) => _server.AddArchive(path, MonthCsv(firstOpen, close));

    /// <summary>Reports synchronously (Progress&lt;T&gt; posts to the thread pool, which would race the assertions).</summary>
    private sealed class SyncProgress(List<DownloadedFile> seen) : IProgress<DownloadedFile>
    {
        public void Report(DownloadedFile value) => seen.Add(value);
    }
}

/// <summary>A clock pinned to noon UTC of one day, so "the current month" is fixed in tests.</summary>
public sealed class FixedClock(DateOnly today) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
