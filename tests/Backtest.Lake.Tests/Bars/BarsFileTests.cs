using System.Globalization;
using System.IO.Compression;
using Backtest.Core.Bars;
using Backtest.Core.Market;
using Backtest.Core.Time;
using Backtest.Lake.Bars;
using Backtest.Lake.Sources;
using Backtest.Lake.Tables;
using Backtest.Lake.Tests.Costs;
using Backtest.Testing;

namespace Backtest.Lake.Tests.Bars;

public sealed class BarsFileTests : IDisposable
{
    private readonly string _folder = TempRoot.Create("bars-file");

    public void Dispose() => Directory.Delete(_folder, true);

    public static TheoryData<string> Cases() => ErrorVectors.Names("bars");

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_bars_file_gives_its_exact_message(string name)
    {
        var c = ErrorVectors.Case("bars", name);
        var path = Write("bars.csv", ErrorVectors.Text(c, "text")!);
        var expected = ErrorVectors.Text(c, "expected") is { } tf ? Timeframe.Parse(tf) : (Timeframe?)null;
        var e = Assert.Throws<RawDataException>(() => BarsFile.Read(path, expected));
        Assert.Equal(ErrorVectors.Text(c, "error"), e.Message.Replace(_folder + Path.DirectorySeparatorChar, ""));
    }

    /// <summary>Three 5m bars opening at 00:00, 00:05, 00:10 UTC on 2024-01-01, written in many spellings.</summary>
    private const string Plain = "datetime,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,3,0.5,2,10\n2024-01-01T00:05:00Z,2,4,1.5,3,11\n2024-01-01T00:10:00Z,3,5,2.5,4,12\n";

    public static TheoryData<string> SameBars() =>
    [
        Plain,
        // CRLF, a BOM, upper-case and quoted header names, columns in another order, an extra column, blank lines
        "\uFEFF\"Volume\",Extra,CLOSE,Low,High,Open,DateTime\r\n10,x,2,0.5,3,1,2024-01-01T00:00:00Z\r\n\r\n11,y,3,1.5,4,2,2024-01-01T00:05:00Z\r\n12,z,4,2.5,5,3,2024-01-01T00:10:00Z\r\n",
        // offsets, no zone (UTC), a space separator, fractions, lower-case z
        "timestamp,open,high,low,close,volume\n2024-01-01T01:00:00+01:00,1,3,0.5,2,10\n2024-01-01 00:05,2,4,1.5,3,11\n2023-12-31T19:10:00.000-0500,3,5,2.5,4,12\n",
        "timestamp,open,high,low,close,volume\n2024-01-01t00:00:00.0z,1,3,0.5,2,10\n2024-01-01T00:05:00.000000Z,2,4,1.5,3,11\n2024-01-01T00:10:00.000+00:00,3,5,2.5,4,12\n",
        // epoch milliseconds of the open, as Binance writes open_time
        "open_time,open,high,low,close,volume\n1704067200000,1,3,0.5,2,10\n1704067500000,2,4,1.5,3,11\n1704067800000,3,5,2.5,4,12\n",
        // epoch microseconds (Binance spot from 2025) are whole milliseconds too
        "open_time,open,high,low,close,volume\n1704067200000000,1,3,0.5,2,10\n1704067500000000,2,4,1.5,3,11\n1704067800000000,3,5,2.5,4,12\n",
    ];

    [Theory]
    [MemberData(nameof(SameBars))]
    public void Every_accepted_spelling_reads_to_the_same_bars(string text)
    {
        var read = BarsFile.Read(Write("b.csv", text), symbol: "BTCUSDT");
        var b = read.Bars;
        // ts is the bar CLOSE: open + 5m
        Assert.Equal([1_704_067_500_000, 1_704_067_800_000, 1_704_068_100_000], b.Ts);
        Assert.Equal([1.0, 2, 3], b.Open);
        Assert.Equal([3.0, 4, 5], b.High);
        Assert.Equal([0.5, 1.5, 2.5], b.Low);
        Assert.Equal([2.0, 3, 4], b.Close);
        Assert.Equal([10.0, 11, 12], b.Volume);
        Assert.Equal([20.0, 33, 48], b.QuoteVolume); // volume × close where the file has no quote_volume
        Assert.Equal(("BTCUSDT", Timeframe.Parse("5m")), (b.Symbol, b.Timeframe));
        Assert.All(b.IsFilled, f => Assert.False(f));
        Assert.Equal(new BarsReport(Path.Combine(_folder, "b.csv"), "csv", 3, Timeframe.Parse("5m"), true, 1_704_067_500_000, 1_704_068_100_000, 3, 0, [], 0, 0, 0),
            read.Report with { Gaps = [] });
    }

    [Fact]
    public void Gaps_are_forward_filled_reported_and_the_timeframe_comes_from_the_smallest_spacing()
    {
        const string text = "datetime,open,high,low,close,volume,quote_volume\n" +
                            "2024-01-01T00:00:00Z,1,3,0.5,2,10,21\n" +
                            "2024-01-01T01:00:00Z,2,4,1.5,3,11,32\n" + // 00:15 … 00:45 missing
                            "2024-01-01T01:15:00Z,3,5,2.5,4,12,49\n" +
                            "2024-01-01T01:45:00Z,4,6,3.5,5,13,64\n";  // 01:30 missing
        var read = BarsFile.Read(Write("g.csv", text), Timeframe.Parse("15m"));
        var b = read.Bars;
        Assert.Equal(8, b.Count);
        Assert.Equal("01110010", string.Concat(b.IsFilled.Select(f => f ? '1' : '0')));
        Assert.Equal([2.0, 2, 2, 2, 3, 4, 4, 5], b.Close);
        Assert.Equal([1.0, 2, 2, 2, 2, 3, 4, 4], b.Open);
        Assert.Equal([10.0, 0, 0, 0, 11, 12, 0, 13], b.Volume);
        Assert.Equal([21.0, 0, 0, 0, 32, 49, 0, 64], b.QuoteVolume);
        var r = read.Report;
        Assert.Equal((4, 8, 4, true), (r.Rows, r.Bars, r.FilledBars, r.TimeframeInferred));
        Assert.Equal(2, r.Gaps.Count);
        Assert.Equal((1_704_068_100_000 + 900_000, 3), (r.Gaps[0].FromTs, r.Gaps[0].Bars));
        Assert.Equal(1, r.Gaps[1].Bars);
    }

    [Fact]
    public void A_single_row_takes_the_expected_timeframe()
    {
        var read = BarsFile.Read(Write("one.csv", "datetime,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,1,1,1,1\n"), Timeframe.Parse("1h"));
        Assert.Equal(1_704_067_200_000 + 3_600_000, read.Bars.Ts[0]);
        Assert.False(read.Report.TimeframeInferred);
    }

    [Fact]
    public void A_gzipped_csv_reads_the_same()
    {
        var text = Plain;
        var gz = Path.Combine(_folder, "b.csv.gz");
        using (var file = File.Create(gz))
        using (var zip = new GZipStream(file, CompressionLevel.Fastest))
            zip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Equal(BarsFile.Read(Write("b.csv", text)).Bars.Close, BarsFile.Read(gz).Bars.Close);
    }

    [Fact]
    public void Iso_times_parse_like_DateTimeOffset_over_many_instants_and_offsets()
    {
        ulong state = 20240101;
        ulong Next() => state = state * 6364136223846793005UL + 1442695040888963407UL; // a fixed LCG: the same instants every run
        for (var i = 0; i < 20_000; i++)
        {
            var ms = 946_684_800_000L + (long)(Next() >> 24) % 2_000_000_000_000L;
            var offset = TimeSpan.FromMinutes(15 * ((int)(Next() >> 40) % 113 - 56));
            var t = DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(offset);
            foreach (var format in new[] { "yyyy-MM-dd'T'HH:mm:ss.fffzzz", "yyyy-MM-dd HH:mm:ss.fffzzz", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" })
            {
                var text = format.EndsWith("'Z'") ? t.UtcDateTime.ToString(format, CultureInfo.InvariantCulture) : t.ToString(format, CultureInfo.InvariantCulture);
                Assert.True(BarTimeText.TryParseIso(System.Text.Encoding.ASCII.GetBytes(text), out var parsed), text);
                Assert.Equal(ms, parsed);
            }
        }
    }

    [Theory]
    [InlineData("2024-02-30T00:00:00Z")]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2024-01-01T24:00:00Z")]
    [InlineData("2024-01-01T00:60:00Z")]
    [InlineData("2024-01-01T00:00:00ZZ")]
    [InlineData("2024-01-01T00:00:00+1")]
    [InlineData("2024-1-01T00:00:00Z")]
    [InlineData("2024-01-01T00:00:")]
    [InlineData("2024-01-01T00:00:00.Z")]
    public void Impossible_or_malformed_times_are_refused(string text) =>
        Assert.False(BarTimeText.TryParseIso(System.Text.Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void Cleaned_lake_bars_are_read_as_they_are()
    {
        var ts = new long[] { 1_704_067_500_000, 1_704_067_800_000, 1_704_068_100_000 };
        var bars = new BarFrame("ETHUSDT", Timeframe.Parse("5m"), ts, [1, 2, 3], [2, 3, 4], [0.5, 1.5, 2.5], [2, 3, 3], [5, 6, 0], [10, 18, 0],
            [0, 0.0001, 0], [0, 8, 0], [double.NaN, 1e6, 1e6], [false, false, true]);
        var path = Path.Combine(_folder, "bars.parquet");
        LakeTables.WriteBars(path, bars, [false, true, false]);
        var read = BarsFile.Read(path, Timeframe.Parse("5m"), symbol: "IGNORED");
        Assert.Equal(bars.Symbol, read.Bars.Symbol);
        Assert.Equal(bars.Close, read.Bars.Close);
        Assert.Equal(bars.FundingIntervalHours, read.Bars.FundingIntervalHours);
        Assert.Equal(bars.IsFilled, read.Bars.IsFilled);
        Assert.Equal(("cleaned bars parquet", 1, 1, 1), (read.Report.Format, read.Report.FilledBars, read.Report.Outliers, read.Report.FundingSettlements));

        var e = Assert.Throws<RawDataException>(() => BarsFile.Read(path, Timeframe.Parse("1h")));
        Assert.Equal($"{path}: the file holds 5m bars of ETHUSDT but the blueprint trades 1h bars", e.Message);
    }

    [Fact]
    public void Raw_lake_klines_are_cleaned_with_their_sibling_funding()
    {
        // data/lake/raw/perp/SOLUSDT/5m/klines.parquet beside ../funding.parquet
        var folder = Path.Combine(_folder, "raw", "perp", "SOLUSDT", "5m");
        Directory.CreateDirectory(folder);
        var open = 1_704_067_200_000L;
        var ts = new[] { open + 300_000, open + 600_000, open + 600_000, open + 1_200_000 }; // a duplicate, a gap
        var klines = new KlineSeries(ts, [1, 2, 2, 4], [1, 2, 2, 4], [1, 2, 2, 4], [1, 2, 2, 4], [1, 5, 7, 1]);
        LakeTables.WriteKlines(Path.Combine(folder, "klines.parquet"), klines,
            new Dictionary<string, string> { [LakeMetadata.Symbol] = "SOLUSDT", [LakeMetadata.Timeframe] = "5m" });
        LakeTables.WriteFunding(Path.Combine(_folder, "raw", "perp", "SOLUSDT", "funding.parquet"), new FundingSeries([open + 600_000], [0.0002], [8]));
        var read = BarsFile.Read(Path.Combine(folder, "klines.parquet"), Timeframe.Parse("5m"));
        var b = read.Bars;
        Assert.Equal(("SOLUSDT", 4), (b.Symbol, b.Count));
        Assert.Equal([0.0, 0.0002, 0, 0], b.FundingRate);
        Assert.Equal([1.0, 7, 0, 1], b.Volume); // the duplicate keeps the higher-volume copy; the gap is filled
        Assert.Equal(("raw klines parquet", 1, 1, 1, false), (read.Report.Format, read.Report.FilledBars, read.Report.DuplicatesResolved, read.Report.FundingSettlements, read.Report.TimeframeInferred));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(false));
        return path;
    }
}
