using Backtest.Core.Market;
using Backtest.Core.Time;
using Backtest.Lake.Sources;
using Backtest.Lake.Sources.Binance;

namespace Backtest.Lake.Tests.Sources.Binance;

/// <summary>Each klines layout and packing imports to the values written in the file, stamped at the bar close.</summary>
public sealed class KlineImportTests
{
    private static readonly Timeframe FiveMinutes = Timeframe.Parse("5m");

    [Fact]
    public void Futures_12_column_file_with_header_keeps_every_column()
    {
        var k = BinanceImporter.ImportKlines([Path.Combine(TempRawFolder.Fixtures, "BTCUSDT-5m-2024-01-um-header.csv")], FiveMinutes);

        Assert.Equal([1704067500000, 1704067800000, 1704068100000, 1704068400000], k.Ts);
        Assert.Equal([42314.00, 42343.20, 42375.00, 42351.50], k.Open);
        Assert.Equal([42343.30, 42391.10, 42380.00, 42360.00], k.High);
        Assert.Equal([42289.60, 42333.40, 42330.00, 42300.10], k.Low);
        Assert.Equal([42343.20, 42375.00, 42351.50, 42310.70], k.Close);
        Assert.Equal([594.549, 612.334, 401.002, 455.781], k.Volume);
        Assert.Equal([25159823.02390, 25941530.11820, 16983240.00010, 19289412.75560], k.QuoteVolume!);
        Assert.Equal([6152L, 5903, 4128, 4471], k.Trades!);
        Assert.Equal([371.880, 340.117, 180.500, 201.233], k.TakerBuyVolume!);
    }

    [Fact]
    public void Spot_file_without_header_in_microseconds_is_converted_to_milliseconds()
    {
        var k = BinanceImporter.ImportKlines([Path.Combine(TempRawFolder.Fixtures, "SOLUSDT-5m-2025-01-spot-micros.csv")], FiveMinutes);

        // 1735689600000000 µs = 2025-01-01 00:00 UTC open; the bar closes 5 minutes later.
        Assert.Equal([1735689900000, 1735690200000, 1735690500000], k.Ts);
        Assert.Equal([189.63, 189.52, 189.11], k.Close);
        Assert.Equal([5120L, 3874, 3340], k.Trades!);
    }

    [Fact]
    public void Spot_months_either_side_of_the_microsecond_switch_join_on_one_grid()
    {
        var k = BinanceImporter.ImportKlines(
            [
                Path.Combine(TempRawFolder.Fixtures, "SOLUSDT-5m-2025-01-spot-micros.csv"),
                Path.Combine(TempRawFolder.Fixtures, "SOLUSDT-5m-2024-12-spot-millis.csv"),
            ], FiveMinutes);

        Assert.Equal([1735689300000, 1735689600000, 1735689900000, 1735690200000, 1735690500000], k.Ts);
        Assert.Equal([189.40, 189.31, 189.63, 189.52, 189.11], k.Close);
    }

    [Theory]
    [InlineData("BTCUSDT-5m-6col-header.csv")]
    [InlineData("BTCUSDT-5m-6col-noheader.csv")]
    public void Six_column_layout_with_or_without_header(string fixture)
    {
        var k = BinanceImporter.ImportKlines([Path.Combine(TempRawFolder.Fixtures, fixture)], FiveMinutes);

        Assert.Equal([1672531500000, 1672531800000, 1672532100000], k.Ts);
        Assert.Equal([16537.5, 16529.2, 16521.5], k.Open);
        Assert.Equal([16538, 16533.6, 16525], k.High);
        Assert.Equal([16523, 16519, 16517.1], k.Low);
        Assert.Equal([16529.2, 16521.5, 16524.7], k.Close);
        Assert.Equal([844.251, 321.527, 249.61], k.Volume);
        Assert.Null(k.QuoteVolume);
        Assert.Null(k.Trades);
        Assert.Null(k.TakerBuyVolume);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("gzip")]
    [InlineData("zip")]
    [InlineData("crlf")]
    public void Plain_gzip_zip_and_crlf_packings_give_identical_series(string packing)
    {
        var csv = TempRawFolder.Fixture("BTCUSDT-5m-2024-01-um-header.csv");
        var expected = BinanceImporter.ImportKlines([Path.Combine(TempRawFolder.Fixtures, "BTCUSDT-5m-2024-01-um-header.csv")], FiveMinutes);
        using var folder = new TempRawFolder();
        var path = packing switch
        {
            "plain" => folder.Plain("BTCUSDT-5m-2024-01.csv", csv),
            "gzip" => folder.Gzip("BTCUSDT-5m-2024-01.csv.gz", csv),
            "zip" => folder.Zip("BTCUSDT-5m-2024-01.zip", ("BTCUSDT-5m-2024-01.csv", csv)),
            _ => folder.Plain("BTCUSDT-5m-2024-01.csv", csv.Replace("\n", "\r\n")),
        };

        var actual = BinanceImporter.ImportKlines([path], FiveMinutes);

        AssertSame(expected, actual);
    }

    [Fact]
    public void Packing_is_recognised_by_content_not_by_extension()
    {
        var csv = TempRawFolder.Fixture("BTCUSDT-5m-6col-header.csv");
        using var folder = new TempRawFolder();
        var gzipNamedCsv = folder.Gzip("BTCUSDT-5m.csv", csv);
        var expected = BinanceImporter.ImportKlines([Path.Combine(TempRawFolder.Fixtures, "BTCUSDT-5m-6col-header.csv")], FiveMinutes);

        AssertSame(expected, BinanceImporter.ImportKlines([gzipNamedCsv], FiveMinutes));
    }

    [Fact]
    public void A_utf8_byte_order_mark_and_a_missing_final_newline_are_accepted()
    {
        using var folder = new TempRawFolder();
        var path = folder.Plain("BTCUSDT-5m.csv", "\uFEFFopen_time,open,high,low,close,volume\n1672531200000,1,2,0.5,1.5,10");

        var k = BinanceImporter.ImportKlines([path], FiveMinutes);

        Assert.Equal([1672531500000], k.Ts);
        Assert.Equal([10.0], k.Volume);
    }

    [Fact]
    public void Lines_longer_than_the_read_buffer_are_read_whole()
    {
        using var folder = new TempRawFolder();
        var longNumber = "1." + new string('0', 100_000) + "5";
        var path = folder.Plain("BTCUSDT-5m.csv", $"1672531200000,1,2,0.5,{longNumber},10\n1672531500000,1,2,0.5,1.25,11\n");

        var k = BinanceImporter.ImportKlines([path], FiveMinutes);

        Assert.Equal([1.0, 1.25], k.Close);
    }

    [Fact]
    public void Duplicate_open_times_within_a_file_stay_adjacent_for_the_clean_stage()
    {
        using var folder = new TempRawFolder();
        var path = folder.Plain("BTCUSDT-5m.csv",
            "open_time,open,high,low,close,volume\n" +
            "1672531200000,1,2,0.5,1.5,10\n" +
            "1672531500000,1.5,2,1,1.9,3\n" +      // captured before the bar closed
            "1672531500000,1.5,2.2,1,2.0,12\n" +   // the complete bar
            "1672531800000,2,2.1,1.8,1.8,7\n");

        var k = BinanceImporter.ImportKlines([path], FiveMinutes);

        Assert.Equal([1672531500000, 1672531800000, 1672531800000, 1672532100000], k.Ts);
        Assert.Equal([10.0, 3, 12, 7], k.Volume);
    }

    [Fact]
    public void Files_are_merged_in_time_order_whatever_order_they_are_given_in()
    {
        using var folder = new TempRawFolder();
        var feb = folder.Zip("BTCUSDT-5m-2024-02.zip", ("BTCUSDT-5m-2024-02.csv", "1706745600000,3,3,3,3,3\n1706745900000,4,4,4,4,4\n"));
        var jan = folder.Zip("BTCUSDT-5m-2024-01.zip", ("BTCUSDT-5m-2024-01.csv", "1704067200000,1,1,1,1,1\n1704067500000,2,2,2,2,2\n"));

        var k = BinanceImporter.ImportKlines([feb, jan], FiveMinutes);

        Assert.Equal([1704067500000, 1704067800000, 1706745900000, 1706746200000], k.Ts);
        Assert.Equal([1.0, 2, 3, 4], k.Close);
    }

    [Fact]
    public void Overlapping_files_interleave_by_time_with_duplicates_adjacent_earlier_file_first()
    {
        using var folder = new TempRawFolder();
        // a monthly export and a daily file that repeats two of its bars and adds one
        var a = folder.Plain("a/BTCUSDT-5m.csv", "1704067200000,1,1,1,1,10\n1704067500000,2,2,2,2,20\n1704068100000,4,4,4,4,40\n");
        var b = folder.Plain("b/BTCUSDT-5m.csv", "1704067500000,2,2,2,2,21\n1704067800000,3,3,3,3,30\n1704068100000,4,4,4,4,41\n");

        var k = BinanceImporter.ImportKlines([b, a], FiveMinutes);

        Assert.Equal([1704067500000, 1704067800000, 1704067800000, 1704068100000, 1704068400000, 1704068400000], k.Ts);
        Assert.Equal([10.0, 20, 21, 30, 40, 41], k.Volume);
    }

    [Fact]
    public void Optional_columns_survive_only_when_every_file_has_them()
    {
        using var folder = new TempRawFolder();
        var full = Path.Combine(TempRawFolder.Fixtures, "BTCUSDT-5m-2024-01-um-header.csv");
        var shortLayout = folder.Plain("BTCUSDT-5m-2024-02.csv", "1706745600000,3,3,3,3,3\n");

        var k = BinanceImporter.ImportKlines([full, shortLayout], FiveMinutes);

        Assert.Equal(5, k.Count);
        Assert.Null(k.QuoteVolume);
        Assert.Null(k.Trades);
    }

    [Fact]
    public void Daily_timeframe_bars_close_at_the_next_midnight()
    {
        using var folder = new TempRawFolder();
        var path = folder.Plain("BTCUSDT-1d.csv", "1704067200000,1,2,0.5,1.5,10\n1704153600000,1.5,2,1,1.8,11\n");

        var k = BinanceImporter.ImportKlines([path], Timeframe.Parse("1d"));

        Assert.Equal([1704153600000, 1704240000000], k.Ts);
    }

    [Fact]
    public void Files_holding_no_rows_are_an_error_naming_them()
    {
        using var folder = new TempRawFolder();
        var path = folder.Plain("BTCUSDT-5m.csv", "open_time,open,high,low,close,volume\n");

        var e = Assert.Throws<RawDataException>(() => BinanceImporter.ImportKlines([path], FiveMinutes));

        Assert.Equal($"{path}: holds no kline rows", e.Message);
    }

    [Fact]
    public void A_corrupt_gzip_is_an_error_suggesting_a_new_download()
    {
        using var folder = new TempRawFolder();
        var path = folder.Gzip("BTCUSDT-5m.csv.gz", TempRawFolder.Fixture("BTCUSDT-5m-6col-header.csv"));
        var bytes = File.ReadAllBytes(path);
        for (var i = 12; i < bytes.Length - 8; i++) bytes[i] ^= 0x5A;
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<RawDataException>(() => BinanceImporter.ImportKlines([path], FiveMinutes));

        Assert.StartsWith($"{path}: the compressed data is corrupt (", e.Message);
        Assert.EndsWith("); download the file again and check it against its .CHECKSUM", e.Message);
    }

    [Fact]
    public void A_zip_without_a_csv_entry_is_an_error()
    {
        using var folder = new TempRawFolder();
        var path = folder.Zip("BTCUSDT-5m-2024-01.zip", ("readme.txt", "nothing here"));

        var e = Assert.Throws<RawDataException>(() => BinanceImporter.ImportKlines([path], FiveMinutes));

        Assert.Equal($"{path}: the zip archive holds no .csv entry; Data Vision zips hold one CSV named like the archive", e.Message);
    }

    [Fact]
    public void A_missing_file_is_an_error()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "BTCUSDT-5m.csv");

        var e = Assert.Throws<RawDataException>(() => BinanceImporter.ImportKlines([path], FiveMinutes));

        Assert.Equal($"{path}: the file does not exist", e.Message);
    }

    private static void AssertSame(KlineSeries expected, KlineSeries actual)
    {
        Assert.Equal(expected.Ts, actual.Ts);
        Assert.Equal(expected.Open, actual.Open);
        Assert.Equal(expected.High, actual.High);
        Assert.Equal(expected.Low, actual.Low);
        Assert.Equal(expected.Close, actual.Close);
        Assert.Equal(expected.Volume, actual.Volume);
        Assert.Equal(expected.QuoteVolume, actual.QuoteVolume);
        Assert.Equal(expected.Trades, actual.Trades);
        Assert.Equal(expected.TakerBuyVolume, actual.TakerBuyVolume);
    }
}
