using Backtest.Lake.Sources.Binance;

namespace Backtest.Lake.Tests.Sources.Binance;

/// <summary>Open interest from the 5-minute metrics files: text times, blanks, and Binance's 2026 label change.</summary>
public sealed class MetricsImportTests
{
    [Fact]
    public void Text_create_times_become_epoch_ms_and_blanks_become_NaN()
    {
        var oi = BinanceImporter.ImportOpenInterest([Path.Combine(TempRawFolder.Fixtures, "BTCUSDT-metrics-2024-01-15.csv")], "BTCUSDT");

        // 2024-01-15 00:05:00 UTC = 1705277100000
        Assert.Equal([1705277100000, 1705277400000, 1705277700000, 1705278000000], oi.Ts);
        Assert.Equal(77082.018, oi.OpenInterest[0]);
        Assert.Equal(3305108941.1072, oi.OpenInterestValue[1]);
        Assert.True(double.IsNaN(oi.OpenInterest[2]));
        Assert.True(double.IsNaN(oi.OpenInterestValue[2]));
        Assert.Equal(77301.5, oi.OpenInterest[3]);
    }

    [Fact]
    public void Start_of_period_labels_from_2026_06_25_are_moved_to_the_snapshot_time()
    {
        using var folder = new TempRawFolder();
        const string header = "create_time,symbol,sum_open_interest,sum_open_interest_value,count_toptrader_long_short_ratio,sum_toptrader_long_short_ratio,count_long_short_ratio,sum_taker_long_short_vol_ratio\n";
        // old convention: the 06-24 file ends with the 06-25 00:00 snapshot; new: the 06-25 file starts with a 00:00 label observed at 00:05
        var before = folder.Zip("BTCUSDT-metrics-2026-06-24.zip", ("BTCUSDT-metrics-2026-06-24.csv",
            header + "2026-06-24 23:55:00,BTCUSDT,100,1000,1,1,1,1\n2026-06-25 00:00:00,BTCUSDT,101,1010,1,1,1,1\n"));
        var after = folder.Zip("BTCUSDT-metrics-2026-06-25.zip", ("BTCUSDT-metrics-2026-06-25.csv",
            header + "2026-06-25 00:00:00,BTCUSDT,102,1020,1,1,1,1\n2026-06-25 00:05:00,BTCUSDT,103,1030,1,1,1,1\n"));

        var oi = BinanceImporter.ImportOpenInterest([after, before], "BTCUSDT");

        const long midnight = 1782345600000; // 2026-06-25 00:00 UTC
        Assert.Equal([midnight - 300_000, midnight, midnight + 300_000, midnight + 600_000], oi.Ts);
        Assert.Equal([100.0, 101, 102, 103], oi.OpenInterest);
    }

    [Fact]
    public void A_flat_export_across_the_label_change_is_shifted_from_the_repeated_midnight_label_on()
    {
        using var folder = new TempRawFolder();
        var path = folder.Plain("BTCUSDT-metrics.csv",
            "create_time,symbol,sum_open_interest,sum_open_interest_value\n" +
            "2026-06-24 23:55:00,BTCUSDT,100,1000\n" +
            "2026-06-25 00:00:00,BTCUSDT,101,1010\n" +   // end of the last old-convention day
            "2026-06-25 00:00:00,BTCUSDT,102,1020\n" +   // first new-convention label, observed at 00:05
            "2026-06-25 00:05:00,BTCUSDT,103,1030\n");

        var oi = BinanceImporter.ImportOpenInterest([path], "BTCUSDT");

        const long midnight = 1782345600000;
        Assert.Equal([midnight - 300_000, midnight, midnight + 300_000, midnight + 600_000], oi.Ts);
    }

    [Theory]
    [InlineData("BTCUSDT-metrics-2026-06-24.zip", false)]
    [InlineData("BTCUSDT-metrics-2026-06-25.zip", true)]
    [InlineData("/x/BTCUSDT-metrics-2027-01-01.zip:BTCUSDT-metrics-2027-01-01.csv", true)]
    [InlineData("BTCUSDT-metrics.csv", null)]
    public void The_convention_of_a_file_follows_the_day_in_its_name(string name, bool? startOfPeriod) =>
        Assert.Equal(startOfPeriod, MetricsCsvParser.LabelsStartOfPeriod(name));

    [Fact]
    public void Epoch_millisecond_create_times_are_accepted_too()
    {
        using var folder = new TempRawFolder();
        var path = folder.Plain("BTCUSDT-metrics-2024-01-15.csv",
            "create_time,symbol,sum_open_interest,sum_open_interest_value\n1705277100000,BTCUSDT,1,2\n");

        var oi = BinanceImporter.ImportOpenInterest([path], "BTCUSDT");

        Assert.Equal([1705277100000], oi.Ts);
    }
}
