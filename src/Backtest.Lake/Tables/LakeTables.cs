using Backtest.Core.Bars;
using Backtest.Core.Events;
using Backtest.Core.Market;
using Backtest.Core.Time;
using Backtest.Parquet;

namespace Backtest.Lake.Tables;

/// <summary>
/// Typed reading and writing of the lake's Parquet files (ARCHITECTURE.md §5 schemas). Writers take a
/// destination path (the runner's temp path for action outputs); readers check the columns they need and
/// name the file and column when one is missing.
/// </summary>
public static class LakeTables
{
    private static ParquetWriteOptions Options(int rows, IReadOnlyDictionary<string, string>? metadata) => new()
    {
        Compression = ParquetCompression.Snappy,
        KeyValueMetadata = LakeMetadata.With(rows, metadata),
    };

    /// <summary>Raw candles: ts, open, high, low, close, volume[, quote_volume, trades, taker_buy_volume].</summary>
    public static void WriteKlines(string path, KlineSeries k, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var columns = new List<ParquetColumn>
        {
            ParquetColumn.TimestampMillisUtc("ts", k.Ts), ParquetColumn.Double("open", k.Open), ParquetColumn.Double("high", k.High),
            ParquetColumn.Double("low", k.Low), ParquetColumn.Double("close", k.Close), ParquetColumn.Double("volume", k.Volume),
        };
        if (k.QuoteVolume is not null) columns.Add(ParquetColumn.Double("quote_volume", k.QuoteVolume));
        if (k.Trades is not null) columns.Add(ParquetColumn.Int64("trades", k.Trades));
        if (k.TakerBuyVolume is not null) columns.Add(ParquetColumn.Double("taker_buy_volume", k.TakerBuyVolume));
        ParquetFile.Write(path, new ParquetTable(columns), Options(k.Count, metadata));
    }

    /// <summary>Reads raw candles.</summary>
    public static KlineSeries ReadKlines(string path)
    {
        var t = Read(path);
        return new KlineSeries(Int64s(t, path, "ts"), Doubles(t, path, "open"), Doubles(t, path, "high"), Doubles(t, path, "low"),
            Doubles(t, path, "close"), Doubles(t, path, "volume"),
            t.Contains("quote_volume") ? Doubles(t, path, "quote_volume") : null,
            t.Contains("trades") ? Int64s(t, path, "trades") : null,
            t.Contains("taker_buy_volume") ? Doubles(t, path, "taker_buy_volume") : null);
    }

    /// <summary>Funding settlements: ts (settlement time), rate, interval_hours.</summary>
    public static void WriteFunding(string path, FundingSeries f, IReadOnlyDictionary<string, string>? metadata = null) =>
        ParquetFile.Write(path, new ParquetTable(ParquetColumn.TimestampMillisUtc("ts", f.Ts), ParquetColumn.Double("rate", f.Rate),
            ParquetColumn.Double("interval_hours", f.IntervalHours)), Options(f.Count, metadata));

    /// <summary>Reads funding settlements.</summary>
    public static FundingSeries ReadFunding(string path)
    {
        var t = Read(path);
        return new FundingSeries(Int64s(t, path, "ts"), Doubles(t, path, "rate"), Doubles(t, path, "interval_hours"));
    }

    /// <summary>Open interest: ts, open_interest, open_interest_value.</summary>
    public static void WriteOpenInterest(string path, OpenInterestSeries o, IReadOnlyDictionary<string, string>? metadata = null) =>
        ParquetFile.Write(path, new ParquetTable(ParquetColumn.TimestampMillisUtc("ts", o.Ts), ParquetColumn.Double("open_interest", o.OpenInterest),
            ParquetColumn.Double("open_interest_value", o.OpenInterestValue)), Options(o.Count, metadata));

    /// <summary>Reads open interest.</summary>
    public static OpenInterestSeries ReadOpenInterest(string path)
    {
        var t = Read(path);
        return new OpenInterestSeries(Int64s(t, path, "ts"), Doubles(t, path, "open_interest"), Doubles(t, path, "open_interest_value"));
    }

    /// <summary>The column names of cleaned bars, in file order.</summary>
    public static readonly IReadOnlyList<string> BarColumns =
        ["ts", "open", "high", "low", "close", "volume", "quote_volume", "funding_rate", "funding_interval_hours", "open_interest", "is_filled", "is_outlier"];

    /// <summary>Cleaned bars with the is_filled and is_outlier flags.</summary>
    public static void WriteBars(string path, BarFrame b, bool[] isOutlier, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var meta = new Dictionary<string, string>(metadata ?? new Dictionary<string, string>())
        {
            [LakeMetadata.Symbol] = b.Symbol,
            [LakeMetadata.Timeframe] = b.Timeframe.ToString(),
        };
        ParquetFile.Write(path, new ParquetTable(
            ParquetColumn.TimestampMillisUtc("ts", b.Ts), ParquetColumn.Double("open", b.Open), ParquetColumn.Double("high", b.High),
            ParquetColumn.Double("low", b.Low), ParquetColumn.Double("close", b.Close), ParquetColumn.Double("volume", b.Volume),
            ParquetColumn.Double("quote_volume", b.QuoteVolume), ParquetColumn.Double("funding_rate", b.FundingRate),
            ParquetColumn.Double("funding_interval_hours", b.FundingIntervalHours), ParquetColumn.Double("open_interest", b.OpenInterest),
            ParquetColumn.Boolean("is_filled", b.IsFilled), ParquetColumn.Boolean("is_outlier", isOutlier)), Options(b.Count, meta));
    }

    /// <summary>Reads cleaned bars (symbol and timeframe from the file's metadata).</summary>
    public static BarFrame ReadBars(string path)
    {
        var t = Read(path, out var meta);
        if (!meta.TryGetValue(LakeMetadata.Symbol, out var symbol)) throw new LakeFormatException(path, $"no '{LakeMetadata.Symbol}' metadata: not a cleaned bars file");
        if (!meta.TryGetValue(LakeMetadata.Timeframe, out var tfText) || !Timeframe.TryParse(tfText, out var tf))
            throw new LakeFormatException(path, $"no valid '{LakeMetadata.Timeframe}' metadata: not a cleaned bars file");
        return new BarFrame(symbol, tf, Int64s(t, path, "ts"), Doubles(t, path, "open"), Doubles(t, path, "high"), Doubles(t, path, "low"),
            Doubles(t, path, "close"), Doubles(t, path, "volume"), Doubles(t, path, "quote_volume"), Doubles(t, path, "funding_rate"),
            Doubles(t, path, "funding_interval_hours"), Doubles(t, path, "open_interest"), Booleans(t, path, "is_filled"));
    }

    /// <summary>One feature column: ts, value (NaN during warm-up).</summary>
    public static void WriteFeature(string path, long[] ts, double[] values, IReadOnlyDictionary<string, string>? metadata = null) =>
        ParquetFile.Write(path, new ParquetTable(ParquetColumn.TimestampMillisUtc("ts", ts), ParquetColumn.Double("value", values)), Options(ts.Length, metadata));

    /// <summary>Reads a feature's values (and checks they are aligned with <paramref name="expectedTs"/> when given).</summary>
    public static double[] ReadFeature(string path, long[]? expectedTs = null)
    {
        var t = Read(path);
        if (expectedTs is not null)
        {
            var ts = Int64s(t, path, "ts");
            if (ts.Length != expectedTs.Length || (ts.Length > 0 && (ts[0] != expectedTs[0] || ts[^1] != expectedTs[^1])))
                throw new LakeFormatException(path, $"feature is not aligned with its bars ({ts.Length} rows vs {expectedTs.Length} bars): rebuild it");
        }
        return Doubles(t, path, "value");
    }

    /// <summary>An event's occurrences: ts, bar_index, side, strength.</summary>
    public static void WriteEvents(string path, long[] barTs, EventOccurrences occurrences, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var n = occurrences.Count;
        var ts = new long[n];
        var index = new int[n];
        var side = new int[n];
        var strength = new double[n];
        for (var i = 0; i < n; i++)
        {
            index[i] = occurrences.BarIndex[i];
            ts[i] = barTs[index[i]];
            side[i] = (int)occurrences.Side[i];
            strength[i] = occurrences.Strength[i];
        }
        ParquetFile.Write(path, new ParquetTable(ParquetColumn.TimestampMillisUtc("ts", ts), ParquetColumn.Int32("bar_index", index),
            ParquetColumn.Int32("side", side), ParquetColumn.Double("strength", strength)), Options(n, metadata));
    }

    /// <summary>Event occurrences as columns: bar close times, bar indices, sides, strengths.</summary>
    public sealed record EventColumns(long[] Ts, int[] BarIndex, int[] Side, double[] Strength);

    /// <summary>Reads an event file.</summary>
    public static EventColumns ReadEvents(string path)
    {
        var t = Read(path);
        return new EventColumns(Int64s(t, path, "ts"), Int32s(t, path, "bar_index"), Int32s(t, path, "side"), Doubles(t, path, "strength"));
    }

    /// <summary>The key/value metadata of a lake file.</summary>
    public static IReadOnlyDictionary<string, string> Metadata(string path) => ParquetFile.ReadMetadata(path).KeyValueMetadata;

    private static ParquetTable Read(string path) => Read(path, out _);

    private static ParquetTable Read(string path, out IReadOnlyDictionary<string, string> metadata)
    {
        if (!File.Exists(path)) throw new LakeFormatException(path, "file not found: run the stage that writes it");
        using var reader = new ParquetReader(path);
        metadata = reader.Metadata.KeyValueMetadata;
        return ParquetFile.Read(reader);
    }

    private static long[] Int64s(ParquetTable t, string path, string name) => Column(t, path, name).Int64s();
    private static int[] Int32s(ParquetTable t, string path, string name) => Column(t, path, name).Int32s();
    private static double[] Doubles(ParquetTable t, string path, string name) => Column(t, path, name).Doubles();
    private static bool[] Booleans(ParquetTable t, string path, string name) => Column(t, path, name).Booleans();

    private static ParquetColumn Column(ParquetTable t, string path, string name) =>
        t.Contains(name) ? t[name] : throw new LakeFormatException(path, $"missing column '{name}' (has: {string.Join(", ", t.Columns.Select(c => c.Name))})");
}
