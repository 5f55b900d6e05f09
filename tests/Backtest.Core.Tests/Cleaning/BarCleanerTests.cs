using Backtest.Core.Cleaning;
using Backtest.Core.Market;
using Backtest.Core.Time;

namespace Backtest.Core.Tests.Cleaning;

public sealed class BarCleanerTests
{
    private static readonly Timeframe Tf = Timeframe.Parse("5m");
    private const long M5 = 300_000;
    private static readonly long T0 = UtcTime.FromDate(2024, 1, 1) + M5; // close of the 00:00 bar

    private static KlineSeries Raw(params (long Ts, double Close, double Volume)[] rows) => new(
        rows.Select(r => r.Ts).ToArray(), rows.Select(r => r.Close).ToArray(), rows.Select(r => r.Close + 1).ToArray(),
        rows.Select(r => r.Close - 1).ToArray(), rows.Select(r => r.Close).ToArray(), rows.Select(r => r.Volume).ToArray());

    [Fact]
    public void Duplicates_keep_the_higher_volume_copy_and_are_reported()
    {
        var raw = Raw((T0, 100, 5), (T0 + M5, 101, 3), (T0 + M5, 102, 9), (T0 + 2 * M5, 103, 1), (T0 + 2 * M5, 103, 1));
        var result = BarCleaner.Clean("X", raw, null, null, new CleanSettings(Tf));

        Assert.Equal([100.0, 102, 103], result.Bars.Close);
        Assert.Equal(1, result.Report.DuplicatesResolved);
        Assert.Equal(1, result.Report.ExactDuplicates);
        var example = Assert.Single(result.Report.DuplicateExamples);
        Assert.Equal((T0 + M5, 2, 9.0, 3.0), (example.Ts, example.Copies, example.KeptVolume, example.DroppedVolume));
    }

    [Fact]
    public void Duplicate_volume_ties_keep_the_later_row()
    {
        var raw = Raw((T0, 100, 5), (T0, 104, 5));
        Assert.Equal(104, BarCleaner.Clean("X", raw, null, null, new CleanSettings(Tf)).Bars.Close[0]);
    }

    [Fact]
    public void Gaps_are_forward_filled_flagged_and_reported_as_runs()
    {
        var raw = Raw((T0, 100, 5), (T0 + 3 * M5, 110, 7), (T0 + 5 * M5, 120, 2));
        var result = BarCleaner.Clean("X", raw, null, null, new CleanSettings(Tf));
        var bars = result.Bars;

        Assert.Equal(6, bars.Count);
        Assert.Equal([false, true, true, false, true, false], bars.IsFilled);
        Assert.Equal([100.0, 100, 100, 110, 110, 120], bars.Close);
        Assert.Equal(100, bars.High[1]);
        Assert.Equal(0, bars.Volume[2]);
        Assert.Equal(0, bars.QuoteVolume[4]);
        Assert.Equal([new GapRun(T0 + M5, T0 + 2 * M5, 2), new GapRun(T0 + 4 * M5, T0 + 4 * M5, 1)], result.Report.Gaps);
        Assert.Equal(3, result.Report.FilledBars);
    }

    [Fact]
    public void Quote_volume_is_volume_times_close_when_the_source_has_none()
    {
        var result = BarCleaner.Clean("X", Raw((T0, 100, 5)), null, null, new CleanSettings(Tf));
        Assert.Equal(500, result.Bars.QuoteVolume[0]);
    }

    [Fact]
    public void Funding_lands_on_the_bar_whose_interval_contains_the_settlement_including_zero_rates()
    {
        var raw = Raw(Enumerable.Range(0, 200).Select(i => (T0 + i * M5, 100.0 + i, 1.0)).ToArray());
        var eight = UtcTime.FromDate(2024, 1, 1) + 8 * 3_600_000L;
        // A settlement exactly on a close, one a millisecond later (next bar), a zero-rate print, and one outside.
        var funding = new FundingSeries([eight, eight + 8 * 3_600_000L + 1, eight + 16 * 3_600_000L, T0 - 5 * 3_600_000L],
            [0.0001, -0.0002, 0.0, 0.0003], [8, 8, 8, 8]);
        // Sorted as funding files are; the last one lies before the grid.
        funding = new FundingSeries([funding.Ts[3], funding.Ts[0], funding.Ts[1]], [0.0003, 0.0001, -0.0002], [8, 8, 8]);
        var result = BarCleaner.Clean("X", raw, funding, null, new CleanSettings(Tf));
        var bars = result.Bars;

        var atEight = Array.IndexOf(bars.Ts, eight);
        Assert.Equal(0.0001, bars.FundingRate[atEight]);
        Assert.True(bars.IsSettlement(atEight));
        Assert.Equal(1, result.Report.FundingOutsideRange);
        Assert.Equal(2, result.Report.FundingSettlements); // 08:00 and 16:00:00.001 (bar closing 16:05); the grid ends 16:40
        Assert.Equal(2, bars.FundingIntervalHours.Count(h => h > 0));

        var raw2 = Raw(Enumerable.Range(0, 300).Select(i => (T0 + i * M5, 100.0, 1.0)).ToArray());
        var zero = new FundingSeries([eight, eight + 8 * 3_600_000L + 1], [0.0, -0.0002], [8, 8]);
        var bars2 = BarCleaner.Clean("X", raw2, zero, null, new CleanSettings(Tf)).Bars;
        var i0 = Array.IndexOf(bars2.Ts, eight);
        Assert.True(bars2.IsSettlement(i0));
        Assert.Equal(0.0, bars2.FundingRate[i0]);
        var i1 = Array.IndexOf(bars2.Ts, eight + 8 * 3_600_000L + M5); // one ms after a close belongs to the next bar
        Assert.Equal(-0.0002, bars2.FundingRate[i1]);
    }

    [Fact]
    public void Open_interest_is_taken_as_of_each_close_and_goes_stale()
    {
        var raw = Raw(Enumerable.Range(0, 4).Select(i => (T0 + i * M5, 100.0, 1.0)).ToArray());
        var oi = new OpenInterestSeries([T0 + M5 - 1, T0 + 2 * M5 + 10], [10, 20], [1000, 2000]);
        var bars = BarCleaner.Clean("X", raw, null, oi, new CleanSettings(Tf, MaxOpenInterestStalenessMs: M5)).Bars;
        Assert.True(double.IsNaN(bars.OpenInterest[0]));
        Assert.Equal(10, bars.OpenInterest[1]);
        Assert.True(double.IsNaN(bars.OpenInterest[2])); // the 10 is one ms older than the staleness limit
        Assert.Equal(20, bars.OpenInterest[3]);
    }

    [Fact]
    public void Outliers_are_flagged_but_not_altered()
    {
        var rows = Enumerable.Range(0, 400).Select(i => (T0 + i * M5, 100.0 * (1 + 0.001 * ((i % 2) * 2 - 1)), 1.0)).ToList();
        rows[350] = (rows[350].Item1, 160.0, 1.0);
        var raw = Raw([.. rows]);
        raw.High[10] = 50; // high below open/close
        var result = BarCleaner.Clean("X", raw, null, null, new CleanSettings(Tf));

        Assert.Equal(160, result.Bars.Close[350]);
        Assert.True(result.IsOutlier[350]);
        Assert.True(result.IsOutlier[10]);
        Assert.Equal("OHLC inconsistent", result.Report.Outliers.Single(o => o.Ts == T0 + 10 * M5).Reason);
        Assert.Contains("trailing sigmas", result.Report.Outliers.Single(o => o.Ts == T0 + 350 * M5).Reason);
    }

    [Fact]
    public void The_window_keeps_bar_closes_in_from_to()
    {
        var raw = Raw(Enumerable.Range(0, 10).Select(i => (T0 + i * M5, 100.0 + i, 1.0)).ToArray());
        var bars = BarCleaner.Clean("X", raw, null, null, new CleanSettings(Tf, FromTs: T0 + 2 * M5, ToTs: T0 + 5 * M5)).Bars;
        Assert.Equal([T0 + 3 * M5, T0 + 4 * M5, T0 + 5 * M5], bars.Ts);
    }

    [Fact]
    public void Misaligned_and_unsorted_bars_are_errors_naming_the_bar()
    {
        var misaligned = Assert.Throws<CleanException>(() => BarCleaner.Clean("BTCUSDT", Raw((T0, 1, 1), (T0 + M5 + 60_000, 1, 1)), null, null, new CleanSettings(Tf)));
        Assert.Equal("BTCUSDT: raw bar 1 closes at 2024-01-01 00:11 UTC, which is not on the 5m grid", misaligned.Message);
        var unsorted = Assert.Throws<CleanException>(() => BarCleaner.Clean("BTCUSDT", Raw((T0 + M5, 1, 1), (T0, 1, 1)), null, null, new CleanSettings(Tf)));
        Assert.Equal("BTCUSDT: raw bars are not sorted: bar 1 closes at 2024-01-01 00:05 UTC, before bar 0 at 2024-01-01 00:10 UTC", unsorted.Message);
        var empty = Assert.Throws<CleanException>(() => BarCleaner.Clean("BTCUSDT", Raw(), null, null, new CleanSettings(Tf)));
        Assert.Equal("BTCUSDT: no raw bars to clean", empty.Message);
    }
}
