using Backtest.Lake.Sources.Binance;

namespace Backtest.Lake.Tests.Sources.Binance;

/// <summary>Funding prints land on their settlement: ms jitter is removed, prints genuinely off the hour are not moved.</summary>
public sealed class FundingImportTests
{
    [Fact]
    public void Prints_snap_to_the_settlement_hour_only_when_within_one_second()
    {
        var f = BinanceImporter.ImportFunding([Path.Combine(TempRawFolder.Fixtures, "SOLUSDT-fundingRate-2023-07.csv")]);

        Assert.Equal(
            [
                1689696000000, // 2023-07-18 16:00:00.000 as is
                1689724800000,
                1689753600000,
                1689782400000, // .001 → the hour
                1689811200000, // .008 → the hour (the jitter Binance's API keeps)
                1689840000000, // .499 → rounds down to the second, on the hour
                1689868800000, // .500 → rounds up to 16:00:01, within 1 s → the hour
                1689883202000, // 20:00:01.700 → 20:00:02, 2 s off the hour: kept, not moved
            ], f.Ts);
        Assert.Equal([0.0001, 0.0001, 0.0001, 0.0001, -0.00000183, 0.00001048, 0.00008555, 0.00002], f.Rate);
        Assert.Equal([8.0, 8, 8, 8, 8, 8, 4, 4], f.IntervalHours);
    }

    [Theory]
    [InlineData(1672560000008, 1672560000000)]
    [InlineData(1672559999600, 1672560000000)]
    [InlineData(1672560000999, 1672560000000)]
    [InlineData(1672560001000, 1672560000000)]
    [InlineData(1672560001499, 1672560000000)]
    [InlineData(1672560001500, 1672560002000)]
    [InlineData(1672559998500, 1672560000000)]
    [InlineData(1672559998499, 1672559998000)]
    [InlineData(1672561800000, 1672561800000)]
    public void Settlement_time_rule(long calcTime, long settlement) =>
        Assert.Equal(settlement, FundingCsvParser.SettlementTime(calcTime));

    [Fact]
    public void Monthly_funding_archives_merge_in_time_order_and_a_headerless_file_reads_the_same()
    {
        using var folder = new TempRawFolder();
        var feb = folder.Zip("BTCUSDT-fundingRate-2024-02.zip",
            ("BTCUSDT-fundingRate-2024-02.csv", "calc_time,funding_interval_hours,last_funding_rate\n1706745600000,8,0.00010000\n"));
        var jan = folder.Zip("BTCUSDT-fundingRate-2024-01.zip",
            ("BTCUSDT-fundingRate-2024-01.csv", "1704067200005,8,0.00037409\n1704096000000,8,-0.00012000\n"));

        var f = BinanceImporter.ImportFunding([feb, jan]);

        Assert.Equal([1704067200000, 1704096000000, 1706745600000], f.Ts);
        Assert.Equal([0.00037409, -0.00012, 0.0001], f.Rate);
    }

    [Fact]
    public void No_rows_give_an_empty_series()
    {
        using var folder = new TempRawFolder();
        var path = folder.Plain("BTCUSDT-fundingRate.csv", "calc_time,funding_interval_hours,last_funding_rate\n");

        Assert.Equal(0, BinanceImporter.ImportFunding([path]).Count);
    }
}
