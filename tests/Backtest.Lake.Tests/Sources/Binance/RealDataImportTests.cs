using System.Buffers.Binary;
using System.Security.Cryptography;
using Backtest.Core.Market;
using Backtest.Core.Time;
using Backtest.Lake.Sources.Binance;
using Backtest.Testing;

namespace Backtest.Lake.Tests.Sources.Binance;

/// <summary>The real files in ../shared/data/real import as they are (see its SOURCES.md for the counts asserted here).</summary>
public sealed class RealDataImportTests
{
    private static readonly Timeframe FiveMinutes = Timeframe.Parse("5m");
    private const long FiveMinutesMs = 300_000;
    private static readonly Lazy<BinanceRawFolder> Real = new(() => BinanceRawFolder.Scan(RepoPaths.RealData));

    [ReferenceFact(ReferenceTools.RealData)]
    public void The_shared_folder_is_classified_by_its_folder_names()
    {
        var scan = Real.Value;

        Assert.Equal(["BNBUSDT", "BTCUSDT", "ETHUSDT", "LTCUSDT", "SOLUSDT", "XRPUSDT"], scan.Symbols(MarketKind.Perp));
        Assert.Equal(["BNBUSDT", "SOLUSDT"], scan.Symbols(MarketKind.Spot));
        Assert.Equal(
            "perp: BNBUSDT (fundingRate), BTCUSDT (5m klines, fundingRate), ETHUSDT (5m klines, fundingRate), LTCUSDT (5m klines, fundingRate), SOLUSDT (5m klines, fundingRate), XRPUSDT (fundingRate); spot: BNBUSDT (5m klines), SOLUSDT (5m klines)",
            scan.Inventory());
        Assert.All(scan.Ignored, i => Assert.True(i.Path.EndsWith("SOURCES.md") || i.Path.Contains("-markPrice-8h"), i.Path));
    }

    [ReferenceFact(ReferenceTools.RealData)]
    public void BTCUSDT_perp_yields_236448_bars_on_a_gapless_grid_with_funding_on_settlement_bars()
    {
        var import = BinanceImporter.Import(Real.Value, MarketKind.Perp, "BTCUSDT", FiveMinutes);
        var k = import.Klines;

        Assert.Equal(236_448, k.Count);
        Assert.Equal(1672531200000 + FiveMinutesMs, k.Ts[0]);   // 2023-01-01 00:00 open
        Assert.Equal(1743465600000, k.Ts[^1]);                   // 2025-03-31 23:55 open closes at 2025-04-01 00:00
        Assert.Empty(Gaps(k.Ts));
        Assert.Equal(16529.2, k.Close[0]);

        var funding = import.Funding!;
        Assert.Equal(6089, funding.Count);
        var closes = new HashSet<long>(k.Ts);
        var inRange = 0;
        foreach (var ts in funding.Ts)
        {
            Assert.Equal(0, ts % (8 * 3_600_000L));
            if (ts <= k.Ts[0] - FiveMinutesMs || ts > k.Ts[^1]) continue;
            Assert.Contains(ts, closes);   // every settlement in range is the close of exactly one bar
            inRange++;
        }
        // 2023-01-01 08:00 … 2025-03-31 16:00: 821 days × 3 less the 2025-04-01 00:00 print the file stops before
        Assert.Equal(2462, inRange);
        Assert.Null(import.OpenInterest);
    }

    [ReferenceFact(ReferenceTools.RealData, ReferenceTools.Python)]
    public void BTCUSDT_values_match_an_independent_python_read_bit_for_bit()
    {
        var file = Path.Combine(RepoPaths.RealData, "binance-usdm-5m", "BTCUSDT-5m.csv.gz");
        const string script = """
            import csv, gzip, hashlib, struct, sys
            h = hashlib.sha256()
            n = 0
            with gzip.open(sys.argv[1], 'rt') as f:
                r = csv.reader(f)
                next(r)
                for row in r:
                    h.update(struct.pack('<q', int(row[0]) + 300000))
                    for v in row[1:6]:
                        h.update(struct.pack('<d', float(v)))
                    n += 1
            print(n, h.hexdigest())
            """;
        var expected = ReferenceTools.Run("/usr/bin/python3", ["-c", script, file]).Trim();

        var k = BinanceImporter.ImportKlines([file], FiveMinutes);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[8];
        for (var i = 0; i < k.Count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(buffer, k.Ts[i]);
            sha.AppendData(buffer);
            foreach (var column in (double[][])[k.Open, k.High, k.Low, k.Close, k.Volume])
            {
                BinaryPrimitives.WriteDoubleLittleEndian(buffer, column[i]);
                sha.AppendData(buffer);
            }
        }

        Assert.Equal(expected, $"{k.Count} {Convert.ToHexStringLower(sha.GetHashAndReset())}");
    }

    [ReferenceFact(ReferenceTools.RealData)]
    public void ETHUSDT_seg1_and_seg2_merge_into_one_series_with_the_gap_between_them()
    {
        var k = BinanceImporter.ImportKlines(
            Real.Value.KlineFiles(MarketKind.Perp, "ETHUSDT", FiveMinutes).Select(f => f.Path).Reverse().ToList(), FiveMinutes);

        Assert.Equal(143_901 + 52_416, k.Count);
        var gaps = Gaps(k.Ts);
        var gap = Assert.Single(gaps);
        Assert.Equal(1715701200000 + FiveMinutesMs, k.Ts[gap]);   // seg1 ends with the 2024-05-14 15:40 open
        Assert.Equal(1727740800000 + FiveMinutesMs, k.Ts[gap + 1]); // seg2 starts with the 2024-10-01 00:00 open
    }

    [ReferenceFact(ReferenceTools.RealData)]
    public void Spot_SOLUSDT_keeps_its_43_bar_gap_for_the_clean_stage()
    {
        var import = BinanceImporter.Import(Real.Value, MarketKind.Spot, "SOLUSDT", FiveMinutes);
        var k = import.Klines;

        Assert.Equal(163_680, k.Count);
        var gap = Assert.Single(Gaps(k.Ts));
        Assert.Equal(1732047600000 + FiveMinutesMs, k.Ts[gap]);   // last bar before: 2024-11-19 20:20 open
        Assert.Equal(43, (k.Ts[gap + 1] - k.Ts[gap]) / FiveMinutesMs - 1);
        Assert.Null(import.Funding);
    }

    [ReferenceTheory(ReferenceTools.RealData)]
    [InlineData(MarketKind.Perp, "LTCUSDT", 143_902)]
    [InlineData(MarketKind.Perp, "SOLUSDT", 122_688)]
    [InlineData(MarketKind.Spot, "BNBUSDT", 163_521)]
    public void Other_kline_files_import_with_their_documented_row_counts(MarketKind market, string symbol, int rows) =>
        Assert.Equal(rows, BinanceImporter.Import(Real.Value, market, symbol, FiveMinutes).Klines.Count);

    [ReferenceTheory(ReferenceTools.RealData)]
    [InlineData("BTCUSDT", 6089)]
    [InlineData("ETHUSDT", 5855)]
    [InlineData("XRPUSDT", 5735)]
    [InlineData("LTCUSDT", 5726)]
    [InlineData("SOLUSDT", 1401)]
    [InlineData("BNBUSDT", 1164)]
    public void Funding_files_import_every_print_on_the_hour(string symbol, int prints)
    {
        var f = BinanceImporter.ImportFunding(Real.Value.FundingFiles(symbol).Select(x => x.Path).ToList());

        Assert.Equal(prints, f.Count);
        Assert.All(f.Ts, ts => Assert.Equal(0, ts % 3_600_000L));
        Assert.Equal(-1, FirstNotIncreasing(f.Ts));
    }

    [ReferenceFact(ReferenceTools.RealData)]
    public void A_jittered_SOLUSDT_print_lands_on_its_settlement()
    {
        var f = BinanceImporter.ImportFunding(Real.Value.FundingFiles("SOLUSDT").Select(x => x.Path).ToList());

        // the file says 1689782400001 (2023-07-19 16:00:00.001) for this print
        var i = Array.IndexOf(f.Ts, 1689782400000);
        Assert.True(i >= 0);
        Assert.Equal(0.0001, f.Rate[i]);
        Assert.Equal(8, f.IntervalHours[i]);
    }

    // Indices i where bar i+1 does not follow bar i by one 5m step (the series must be strictly increasing).
    private static List<int> Gaps(long[] ts)
    {
        Assert.Equal(-1, FirstNotIncreasing(ts));
        var gaps = new List<int>();
        for (var i = 1; i < ts.Length; i++)
            if (ts[i] - ts[i - 1] != FiveMinutesMs) gaps.Add(i - 1);
        return gaps;
    }

    private static int FirstNotIncreasing(long[] ts)
    {
        for (var i = 1; i < ts.Length; i++)
            if (ts[i] <= ts[i - 1]) return i;
        return -1;
    }
}
