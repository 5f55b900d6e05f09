using Backtest.Core.Market;
using Backtest.Core.Time;
using Backtest.Lake.Sources;
using Backtest.Lake.Sources.Binance;

namespace Backtest.Lake.Tests.Sources.Binance;

/// <summary>The scan tells which file holds what, in Data Vision trees and flat folders, and says clearly what is missing.</summary>
public sealed class RawFolderScanTests
{
    private static readonly Timeframe FiveMinutes = Timeframe.Parse("5m");
    private const string KlineRow = "1704067200000,1,2,0.5,1.5,10,1704067499999,15,3,5,7.5,0\n";

    [Fact]
    public void A_data_vision_tree_is_classified_by_its_path_layout()
    {
        using var folder = new TempRawFolder();
        folder.Zip("data/futures/um/monthly/klines/BTCUSDT/5m/BTCUSDT-5m-2024-01.zip", ("BTCUSDT-5m-2024-01.csv", KlineRow));
        folder.Plain("data/futures/um/monthly/klines/BTCUSDT/5m/BTCUSDT-5m-2024-01.zip.CHECKSUM", "abc  BTCUSDT-5m-2024-01.zip\n");
        folder.Zip("data/futures/um/daily/klines/BTCUSDT/5m/BTCUSDT-5m-2024-02-01.zip", ("BTCUSDT-5m-2024-02-01.csv", KlineRow));
        folder.Zip("data/futures/um/monthly/fundingRate/BTCUSDT/BTCUSDT-fundingRate-2024-01.zip", ("BTCUSDT-fundingRate-2024-01.csv", "1704067200000,8,0.0001\n"));
        folder.Zip("data/futures/um/daily/metrics/BTCUSDT/BTCUSDT-metrics-2024-01-15.zip", ("BTCUSDT-metrics-2024-01-15.csv", "2024-01-15 00:05:00,BTCUSDT,1,2\n"));
        folder.Zip("data/spot/monthly/klines/SOLUSDT/1h/SOLUSDT-1h-2025-01.zip", ("SOLUSDT-1h-2025-01.csv", KlineRow));
        folder.Zip("data/futures/um/monthly/markPriceKlines/BTCUSDT/5m/BTCUSDT-5m-2024-01.zip", ("BTCUSDT-5m-2024-01.csv", KlineRow));
        folder.Zip("data/futures/cm/monthly/klines/BTCUSD_PERP/5m/BTCUSD_PERP-5m-2024-01.zip", ("BTCUSD_PERP-5m-2024-01.csv", KlineRow));
        folder.Plain("data/futures/um/monthly/klines/BTCUSDT/5m/BTCUSDT-5m-2024-03.zip.download.tmp", "partial");

        var scan = BinanceRawFolder.Scan(folder.Root);

        Assert.Equal(
            [
                new BinanceRawFile(Path.Combine(folder.Root, "data/futures/um/daily/klines/BTCUSDT/5m/BTCUSDT-5m-2024-02-01.zip"), MarketKind.Perp, "BTCUSDT", BinanceDataKind.Klines, FiveMinutes, "2024-02-01"),
                new BinanceRawFile(Path.Combine(folder.Root, "data/futures/um/daily/metrics/BTCUSDT/BTCUSDT-metrics-2024-01-15.zip"), MarketKind.Perp, "BTCUSDT", BinanceDataKind.Metrics, null, "2024-01-15"),
                new BinanceRawFile(Path.Combine(folder.Root, "data/futures/um/monthly/fundingRate/BTCUSDT/BTCUSDT-fundingRate-2024-01.zip"), MarketKind.Perp, "BTCUSDT", BinanceDataKind.FundingRate, null, "2024-01"),
                new BinanceRawFile(Path.Combine(folder.Root, "data/futures/um/monthly/klines/BTCUSDT/5m/BTCUSDT-5m-2024-01.zip"), MarketKind.Perp, "BTCUSDT", BinanceDataKind.Klines, FiveMinutes, "2024-01"),
                new BinanceRawFile(Path.Combine(folder.Root, "data/spot/monthly/klines/SOLUSDT/1h/SOLUSDT-1h-2025-01.zip"), MarketKind.Spot, "SOLUSDT", BinanceDataKind.Klines, Timeframe.Parse("1h"), "2025-01"),
            ], scan.Files);
        Assert.Equal(
            [
                new IgnoredRawFile(Path.Combine(folder.Root, "data/futures/cm/monthly/klines/BTCUSD_PERP/5m/BTCUSD_PERP-5m-2024-01.zip"),
                    "COIN-M (coin-margined) futures are not supported; only USDT-M perpetuals and spot are"),
                new IgnoredRawFile(Path.Combine(folder.Root, "data/futures/um/monthly/markPriceKlines/BTCUSDT/5m/BTCUSDT-5m-2024-01.zip"),
                    "the Data Vision 'markPriceKlines' dataset is not imported (klines, fundingRate and metrics are)"),
            ], scan.Ignored);
        Assert.Equal(["BTCUSDT"], scan.Symbols(MarketKind.Perp));
        Assert.Equal(["SOLUSDT"], scan.Symbols(MarketKind.Spot));
        Assert.Equal("perp: BTCUSDT (5m klines, fundingRate, metrics); spot: SOLUSDT (1h klines)", scan.Inventory());
    }

    [Fact]
    public void A_daily_archive_is_superseded_by_the_monthly_archive_of_its_month()
    {
        using var folder = new TempRawFolder();
        var monthly = folder.Zip("data/futures/um/monthly/klines/BTCUSDT/5m/BTCUSDT-5m-2024-01.zip", ("BTCUSDT-5m-2024-01.csv", KlineRow));
        var daily = folder.Zip("data/futures/um/daily/klines/BTCUSDT/5m/BTCUSDT-5m-2024-01-01.zip", ("BTCUSDT-5m-2024-01-01.csv", KlineRow));

        var scan = BinanceRawFolder.Scan(folder.Root);

        Assert.Equal([monthly], scan.KlineFiles(MarketKind.Perp, "BTCUSDT", FiveMinutes).Select(f => f.Path));
        Assert.Equal([new IgnoredRawFile(daily, "superseded by the monthly archive BTCUSDT-5m-2024-01.zip")], scan.Ignored);
        Assert.Equal(1, BinanceImporter.ImportKlines([monthly], FiveMinutes).Count);
    }

    [Theory]
    [InlineData("binance-spot-5m/SOLUSDT-5m.csv.gz", MarketKind.Spot)]
    [InlineData("binance-usdm-5m/SOLUSDT-5m.csv.gz", MarketKind.Perp)]
    [InlineData("perp/SOLUSDT-5m.csv", MarketKind.Perp)]
    [InlineData("spot_2024/SOLUSDT-5m.csv", MarketKind.Spot)]
    [InlineData("SOLUSDT-5m.csv", MarketKind.Perp)]
    [InlineData("spotty/SOLUSDT-5m.csv", MarketKind.Perp)]
    [InlineData("spot/usdm/SOLUSDT-5m.csv", MarketKind.Perp)]
    [InlineData("Spot/SOLUSDT-5m.csv", MarketKind.Spot)]
    [InlineData("spot/SOLUSDT/SOLUSDT-5m.csv", MarketKind.Spot)]
    [InlineData("spot/BTCUSDT_PERP/SOLUSDT-5m.csv", MarketKind.Spot)]
    public void The_nearest_path_segment_naming_a_market_decides_it(string relativePath, MarketKind market)
    {
        using var folder = new TempRawFolder();
        folder.Plain(relativePath, KlineRow);

        var file = Assert.Single(BinanceRawFolder.Scan(folder.Root).Files);

        Assert.Equal(market, file.Market);
        Assert.Equal("SOLUSDT", file.Symbol);
    }

    [Theory]
    [InlineData("BTCUSDT-1mo-2024-01.zip", "the timeframe '1mo' is not supported (minutes, hours or days that tile a day, e.g. 1m, 5m, 1h, 1d)")]
    [InlineData("BTCUSDT-1M.csv", "the timeframe '1M' is not supported (minutes, hours or days that tile a day, e.g. 1m, 5m, 1h, 1d)")]
    [InlineData("BTCUSDT-1s-2025-01-01.zip", "the timeframe '1s' is not supported (minutes, hours or days that tile a day, e.g. 1m, 5m, 1h, 1d)")]
    [InlineData("BTCUSDT-markPrice-8h.csv.gz", "'markPrice' after the symbol is neither a timeframe (5m, 1h…), 'fundingRate' nor 'metrics'")]
    [InlineData("btcusdt-5m.csv", "'btcusdt' is not a Binance symbol (upper-case letters and digits, e.g. BTCUSDT)")]
    [InlineData("BTCUSDT.csv", "the name is not <SYMBOL>-<timeframe>…, <SYMBOL>-fundingRate… or <SYMBOL>-metrics…")]
    [InlineData("SOURCES.md", "not a .csv, .csv.gz or .zip file")]
    [InlineData("spot/SOLUSDT-fundingRate.csv", "spot markets have no fundingRate data; this file sits under a spot folder")]
    [InlineData("fundingRate/BTCUSDT/BTCUSDT-5m-2024-01.zip", "the name says klines but the file sits in a 'fundingRate' folder")]
    public void Files_that_are_not_used_are_listed_with_the_reason(string relativePath, string reason)
    {
        using var folder = new TempRawFolder();
        var path = folder.Plain(relativePath, KlineRow);

        var scan = BinanceRawFolder.Scan(folder.Root);

        Assert.Empty(scan.Files);
        Assert.Equal([new IgnoredRawFile(path, reason)], scan.Ignored);
    }

    [Fact]
    public void Import_through_the_folder_returns_klines_funding_and_open_interest_of_a_perp()
    {
        using var folder = new TempRawFolder();
        folder.Gzip("usdm/BTCUSDT-5m.csv.gz", TempRawFolder.Fixture("BTCUSDT-5m-2024-01-um-header.csv"));
        folder.Plain("usdm/BTCUSDT-fundingRate.csv", "calc_time,funding_interval_hours,last_funding_rate\n1704067200003,8,0.0001\n");
        folder.Plain("usdm/BTCUSDT-metrics-2024-01-01.csv", "create_time,symbol,sum_open_interest,sum_open_interest_value\n2024-01-01 00:05:00,BTCUSDT,5,6\n");
        folder.Plain("usdm/ETHUSDT-fundingRate.csv", "1704067200000,8,0.0002\n");

        var import = BinanceImporter.Import(BinanceRawFolder.Scan(folder.Root), MarketKind.Perp, "BTCUSDT", FiveMinutes);

        Assert.Equal(4, import.Klines.Count);
        Assert.Equal([1704067200000], import.Funding!.Ts);
        Assert.Equal([0.0001], import.Funding.Rate);
        Assert.Equal([1704067500000], import.OpenInterest!.Ts);
    }

    [Fact]
    public void A_perp_without_funding_or_metrics_files_imports_klines_alone()
    {
        using var folder = new TempRawFolder();
        folder.Plain("BTCUSDT-5m.csv", KlineRow);

        var import = BinanceImporter.Import(BinanceRawFolder.Scan(folder.Root), MarketKind.Perp, "BTCUSDT", FiveMinutes);

        Assert.Equal(1, import.Klines.Count);
        Assert.Null(import.Funding);
        Assert.Null(import.OpenInterest);
    }

    [Fact]
    public void A_missing_raw_folder_is_a_clear_error()
    {
        var path = Path.Combine(Path.GetTempPath(), "backtest-no-such-raw-" + Guid.NewGuid().ToString("N"));

        var e = Assert.Throws<RawDataException>(() => BinanceRawFolder.Scan(path));

        Assert.Equal($"{path}: the raw data folder (--raw-dir) does not exist; pass a folder holding Binance Data Vision files, either a data/futures/um/… tree as the downloader writes it or flat files such as BTCUSDT-5m.csv.gz and BTCUSDT-fundingRate.csv", e.Message);
    }

    [Fact]
    public void A_file_given_as_the_raw_folder_is_a_clear_error()
    {
        using var folder = new TempRawFolder();
        var path = folder.Plain("BTCUSDT-5m.csv", KlineRow);

        var e = Assert.Throws<RawDataException>(() => BinanceRawFolder.Scan(path));

        Assert.Equal($"{path}: the raw data folder (--raw-dir) is a file; pass the folder that holds the Binance files", e.Message);
    }

    [Fact]
    public void An_unknown_symbol_names_the_folder_searched_and_the_symbols_it_holds()
    {
        using var folder = new TempRawFolder();
        folder.Plain("binance-usdm-5m/BTCUSDT-5m.csv", KlineRow);
        folder.Plain("binance-usdm-5m/ETHUSDT-5m-seg1.csv", KlineRow);
        folder.Plain("binance-usdm-funding/XRPUSDT-fundingRate.csv", "1704067200000,8,0.0001\n");
        folder.Plain("binance-spot-5m/SOLUSDT-5m.csv", KlineRow);
        var scan = BinanceRawFolder.Scan(folder.Root);

        var e = Assert.Throws<RawDataException>(() => scan.KlineFiles(MarketKind.Perp, "DOGEUSDT", FiveMinutes));

        Assert.Equal($"{folder.Root}: no perp klines for DOGEUSDT in this folder (searched recursively); it holds perp: BTCUSDT (5m klines), ETHUSDT (5m klines), XRPUSDT (fundingRate); spot: SOLUSDT (5m klines)", e.Message);
        Assert.Equal(folder.Root, e.File);
        Assert.Null(e.Line);
    }

    [Fact]
    public void A_symbol_in_the_other_market_only_is_reported_with_the_inventory()
    {
        using var folder = new TempRawFolder();
        folder.Plain("binance-spot-5m/SOLUSDT-5m.csv", KlineRow);
        var scan = BinanceRawFolder.Scan(folder.Root);

        var e = Assert.Throws<RawDataException>(() => scan.KlineFiles(MarketKind.Perp, "SOLUSDT", FiveMinutes));

        Assert.Equal($"{folder.Root}: no perp klines for SOLUSDT in this folder (searched recursively); it holds spot: SOLUSDT (5m klines)", e.Message);
    }

    [Fact]
    public void A_symbol_without_the_asked_timeframe_names_the_timeframes_it_has()
    {
        using var folder = new TempRawFolder();
        folder.Plain("BTCUSDT-15m.csv", KlineRow);
        folder.Plain("BTCUSDT-1h.csv", KlineRow);
        var scan = BinanceRawFolder.Scan(folder.Root);

        var e = Assert.Throws<RawDataException>(() => scan.KlineFiles(MarketKind.Perp, "BTCUSDT", FiveMinutes));

        Assert.Equal($"{folder.Root}: BTCUSDT (perp) has klines here at 15m, 1h but none at 5m (searched recursively)", e.Message);
    }

    [Fact]
    public void A_folder_without_any_binance_file_says_what_it_expected()
    {
        using var folder = new TempRawFolder();
        folder.Plain("notes.txt", "hello");
        var scan = BinanceRawFolder.Scan(folder.Root);

        var e = Assert.Throws<RawDataException>(() => scan.KlineFiles(MarketKind.Perp, "BTCUSDT", FiveMinutes));

        Assert.Equal($"{folder.Root}: no Binance klines, fundingRate or metrics files found here (searched recursively; 1 file(s) ignored, e.g. notes.txt: not a .csv, .csv.gz or .zip file); expected a Data Vision tree (data/futures/um/monthly/klines/<SYM>/<tf>/<SYM>-<tf>-YYYY-MM.zip) or flat files named <SYM>-<tf>*.csv[.gz|.zip]", e.Message);
    }
}
