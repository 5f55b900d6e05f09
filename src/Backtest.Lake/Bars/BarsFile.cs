using Backtest.Core.Bars;
using Backtest.Core.Cleaning;
using Backtest.Core.Market;
using Backtest.Core.Time;
using Backtest.Lake.Sources;
using Backtest.Lake.Sources.Csv;
using Backtest.Lake.Tables;
using Backtest.Parquet;

namespace Backtest.Lake.Bars;

/// <summary>
/// Reads the bars one backtest runs on, from a file a user points at: a CSV (plain, gzip or a one-file zip; see
/// <see cref="BarsCsv"/> for the columns; times are bar OPENS, stored as closes like the lake) or a lake Parquet file
/// (cleaned bars.parquet as is; raw klines.parquet cleaned here with its sibling funding and open interest). The
/// timeframe comes from file metadata or the smallest spacing between rows and must match
/// <c>expected</c> (the blueprint's). Gaps are forward-filled by <see cref="BarCleaner"/> and reported; unsorted or
/// repeated times, off-grid times, bad numbers and missing columns are <see cref="RawDataException"/>s naming the file,
/// line and column.
/// </summary>
public static class BarsFile
{
    /// <summary>
    /// Reads <paramref name="path"/> onto a complete grid. <paramref name="symbol"/> names the bars of a CSV (which
    /// carries none; lake files name their own). Throws <see cref="RawDataException"/>, <see cref="LakeFormatException"/>
    /// or <see cref="ParquetFormatException"/> for input it cannot use.
    /// </summary>
    public static BarsFileResult Read(string path, Timeframe? expected = null, string? symbol = null)
    {
        if (!File.Exists(path)) throw new RawDataException(path, null, null, "the file does not exist");
        return IsParquet(path) ? ReadParquet(path, expected, symbol) : ReadCsv(path, expected, symbol ?? "UNKNOWN");
    }

    private static bool IsParquet(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        return file.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PAR1"u8);
    }

    private static BarsFileResult ReadCsv(string path, Timeframe? expected, string symbol)
    {
        var length = new FileInfo(path).Length;
        var runs = RawCsvFile.Read(path, (stream, name) => (Name: name, Bars: BarsCsv.Read(stream, name, length)));
        if (runs.Count != 1)
            throw new RawDataException(path, null, null, $"the archive holds {runs.Count} CSV files; give one file of bars");
        var (file, raw) = runs[0];
        var n = raw.Count;
        var timeframe = InferTimeframe(file, raw.OpenTime, raw.Count, raw.Line, raw.TimeField, expected, out var inferred);
        var frameMs = timeframe.Milliseconds;
        var gridMs = Math.Min(frameMs, 86_400_000L);
        var ts = new long[n];
        var open = raw.OpenTime;
        for (var i = 0; i < n; i++)
        {
            if (open[i] % gridMs != 0 || (i > 0 && (open[i] - open[i - 1]) % frameMs != 0))
                throw new RawDataException(file, raw.Line[i], raw.TimeField,
                    $"{UtcText.Format(open[i])} is not on the {timeframe} grid of the other rows: a {timeframe} bar opens at a multiple of {timeframe} since 1970-01-01 00:00 UTC");
            ts[i] = open[i] + frameMs;
        }
        var klines = new KlineSeries(ts, Exact(raw.Open, n), Exact(raw.High, n), Exact(raw.Low, n), Exact(raw.Close, n), Exact(raw.Volume, n),
            raw.QuoteVolume is { } q ? Exact(q, n) : null);
        var clean = BarCleaner.Clean(symbol, klines, null, null, new CleanSettings(timeframe));
        return Result(clean, file, "csv", n, inferred);
    }

    /// <summary>
    /// The timeframe from the smallest spacing between rows, checked against the expected one. <paramref name="lines"/>
    /// are the rows' file lines (CSV) or null for row numbers (Parquet).
    /// </summary>
    private static Timeframe InferTimeframe(string file, long[] times, int n, long[]? lines, string field, Timeframe? expected, out bool inferred)
    {
        inferred = true;
        long? Line(int row) => lines is null ? null : lines[row];
        if (n < 2)
        {
            inferred = false;
            return expected ?? throw new RawDataException(file, Line(0), null,
                "a single bar cannot tell the timeframe: give at least two bars (or a blueprint, whose timeframe is then used)");
        }
        var smallest = long.MaxValue;
        var at = 1;
        for (var i = 1; i < n; i++)
        {
            var d = times[i] - times[i - 1];
            if (d > 0 && d < smallest) (smallest, at) = (d, i); // raw lake klines may repeat a time (Clean resolves it)
        }
        if (smallest == long.MaxValue)
            throw new RawDataException(file, Line(0), field, "every bar has the same time: the timeframe cannot be told");
        var where = lines is null ? $"rows {at} and {at + 1}" : $"lines {lines[at - 1]} and {lines[at]}";
        if (smallest % 60_000 != 0 || smallest / 60_000 > int.MaxValue)
            throw new RawDataException(file, Line(at), field,
                $"the bars at {where} are {smallest} ms apart, not a whole number of minutes: bars need a timeframe such as 1m, 5m, 1h");
        var minutes = (int)(smallest / 60_000);
        if (1440 % minutes != 0 && minutes % 1440 != 0)
            throw new RawDataException(file, Line(at), field,
                $"the bars at {where} are {minutes} minutes apart, which is not a timeframe: use bars that divide a day (1m, 5m, 15m, 1h, 4h …) or whole days");
        var found = new Timeframe(minutes);
        if (expected is { } e && e != found)
            throw new RawDataException(file, Line(at), field,
                $"the bars at {where} are {found} apart, so these are {found} bars, but the blueprint trades {e} bars: give it {e} bars or change its timeframe");
        return found;
    }

    private static BarsFileResult ReadParquet(string path, Timeframe? expected, string? symbol)
    {
        var metadata = ParquetFile.ReadMetadata(path);
        return metadata.Schema.IndexOf("is_filled") >= 0
            ? ReadCleaned(path, expected)
            : ReadRawKlines(path, metadata, expected, symbol);
    }

    private static BarsFileResult ReadCleaned(string path, Timeframe? expected)
    {
        var bars = LakeTables.ReadBars(path);
        var frameMs = bars.Timeframe.Milliseconds;
        for (var i = 1; i < bars.Count; i++)
            if (bars.Ts[i] - bars.Ts[i - 1] != frameMs)
                throw new RawDataException(path, null, "ts",
                    $"row {i + 1} closes at {UtcText.Format(bars.Ts[i])}, {bars.Ts[i] - bars.Ts[i - 1]} ms after row {i}: cleaned bars are a complete {bars.Timeframe} grid; rebuild the file with ./build.sh Clean");
        if (expected is { } e && e != bars.Timeframe)
            throw new RawDataException(path, null, null, $"the file holds {bars.Timeframe} bars of {bars.Symbol} but the blueprint trades {e} bars");
        if (bars.Count == 0) throw new RawDataException(path, null, null, "the file holds no bars");
        var outliers = ParquetFile.Read(path, ["is_outlier"])["is_outlier"].Booleans();
        var gaps = new List<GapRun>();
        var filled = 0;
        for (var i = 0; i < bars.Count; i++)
        {
            if (!bars.IsFilled[i]) continue;
            filled++;
            if (gaps.Count > 0 && gaps[^1].ToTs == bars.Ts[i] - frameMs) gaps[^1] = gaps[^1] with { ToTs = bars.Ts[i], Bars = gaps[^1].Bars + 1 };
            else gaps.Add(new GapRun(bars.Ts[i], bars.Ts[i], 1));
        }
        var settlements = 0;
        foreach (var h in bars.FundingIntervalHours) if (h > 0) settlements++;
        var report = new BarsReport(path, "cleaned bars parquet", bars.Count, bars.Timeframe, false, bars.Ts[0], bars.Ts[^1], bars.Count,
            filled, gaps, 0, outliers.AsSpan().Count(true), settlements);
        return new BarsFileResult(bars, report);
    }

    private static BarsFileResult ReadRawKlines(string path, ParquetFileMetadata metadata, Timeframe? expected, string? symbol)
    {
        var klines = LakeTables.ReadKlines(path);
        if (klines.Count == 0) throw new RawDataException(path, null, null, "the file holds no bars");
        var meta = metadata.KeyValueMetadata;
        symbol = meta.TryGetValue(LakeMetadata.Symbol, out var s) ? s : symbol ?? "UNKNOWN";
        Timeframe timeframe;
        var inferred = false;
        if (meta.TryGetValue(LakeMetadata.Timeframe, out var text) && Core.Time.Timeframe.TryParse(text, out var tf))
        {
            timeframe = tf;
            if (expected is { } e && e != tf)
                throw new RawDataException(path, null, null, $"the file holds {tf} klines of {symbol} but the blueprint trades {e} bars");
        }
        else
        {
            timeframe = InferTimeframe(path, klines.Ts, klines.Count, null, "ts", expected, out inferred);
        }
        // lake layout: raw/<market>/<symbol>/<tf>/klines.parquet beside ../funding.parquet and ../open_interest.parquet
        var symbolFolder = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(path)));
        var fundingPath = symbolFolder is null ? null : Path.Combine(symbolFolder, "funding.parquet");
        var oiPath = symbolFolder is null ? null : Path.Combine(symbolFolder, "open_interest.parquet");
        var funding = fundingPath is not null && File.Exists(fundingPath) ? LakeTables.ReadFunding(fundingPath) : null;
        var openInterest = oiPath is not null && File.Exists(oiPath) ? LakeTables.ReadOpenInterest(oiPath) : null;
        CleanResult clean;
        try
        {
            clean = BarCleaner.Clean(symbol, klines, funding, openInterest, new CleanSettings(timeframe));
        }
        catch (CleanException e)
        {
            throw new RawDataException(path, null, "ts", e.Message, e);
        }
        return Result(clean, path, "raw klines parquet", klines.Count, inferred);
    }

    private static BarsFileResult Result(CleanResult clean, string file, string format, int rows, bool inferred)
    {
        var r = clean.Report;
        var bars = clean.Bars;
        return new BarsFileResult(bars, new BarsReport(file, format, rows, bars.Timeframe, inferred, r.FirstTs, r.LastTs, r.Bars, r.FilledBars,
            r.Gaps, r.DuplicatesResolved + r.ExactDuplicates, r.Outliers.Count, r.FundingSettlements));
    }

    private static double[] Exact(double[] column, int n) => column.Length == n ? column : column.AsSpan(0, n).ToArray();
}
