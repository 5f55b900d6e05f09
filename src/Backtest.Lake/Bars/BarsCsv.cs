using System.Text;
using Backtest.Lake.Sources;
using Backtest.Lake.Sources.Csv;

namespace Backtest.Lake.Bars;

/// <summary>
/// Reads a bars CSV into open-time columns, one pass over UTF-8 byte lines (no string per row): a header naming the
/// columns (case-insensitive, in any order, extra columns ignored), then one row per bar. Rows must go forward in
/// time, one row per time; a failure names the file, the line and the column.
/// </summary>
internal static class BarsCsv
{
    /// <summary>Accepted names of the time column (the bar's open, ISO-8601 UTC or epoch milliseconds).</summary>
    public static readonly string[] TimeColumns = ["datetime", "timestamp", "open_time"];

    /// <summary>The price and volume columns every bars CSV must have.</summary>
    public static readonly string[] RequiredColumns = ["open", "high", "low", "close", "volume"];

    private const string QuoteVolume = "quote_volume";

    /// <summary>Parses <paramref name="stream"/>; <paramref name="file"/> names it in messages.</summary>
    /// <remarks>Optimised at first call: the loop runs a million times in one call, so tiered compilation would start it unoptimised.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static RawBars Read(Stream stream, string file, long lengthHint)
    {
        var reader = new CsvLineReader(stream, 1 << 20);
        if (!ReadHeader(reader, file, out var layout)) throw new RawDataException(file, null, null, "the file is empty: expected a header line and one row per bar");
        Span<Range> f = stackalloc Range[Math.Min(layout.FieldCount + 1, 256)];
        RawBars? bars = null;
        var previous = long.MinValue;
        var previousLine = 0L;
        var timeName = layout.TimeName;
        while (reader.TryReadLine(out var line))
        {
            if (line.IsEmpty) continue;
            var ln = reader.LineNumber;
            bars ??= new RawBars(Capacity(lengthHint, line.Length), layout.Quote >= 0, timeName);
            var n = CsvFields.Split(line, f);
            if (n < layout.FieldCount)
                throw new RawDataException(file, ln, null, $"the row has {n} fields where the header has {layout.FieldCount}");
            var open = Time(Unquote(line[f[layout.Time]]), file, ln, timeName);
            if (open <= previous)
                throw new RawDataException(file, ln, timeName, open == previous
                    ? $"{Show(line[f[layout.Time]])} repeats the time of line {previousLine}: one row per bar (remove the duplicate)"
                    : $"{Show(line[f[layout.Time]])} ({UtcText.Format(open)}) is earlier than line {previousLine} ({UtcText.Format(previous)}): rows must be sorted by time");
            previous = open;
            previousLine = ln;
            bars.EnsureRoom();
            var i = bars.Count;
            bars.OpenTime[i] = open;
            bars.Line[i] = ln;
            bars.Open[i] = CsvFields.Double(line[f[layout.Open]], file, ln, "open");
            bars.High[i] = CsvFields.Double(line[f[layout.High]], file, ln, "high");
            bars.Low[i] = CsvFields.Double(line[f[layout.Low]], file, ln, "low");
            bars.Close[i] = CsvFields.Double(line[f[layout.Close]], file, ln, "close");
            bars.Volume[i] = CsvFields.Double(line[f[layout.Volume]], file, ln, "volume");
            if (layout.Quote >= 0) bars.QuoteVolume![i] = CsvFields.Double(line[f[layout.Quote]], file, ln, QuoteVolume);
            bars.Count = i + 1;
        }
        return bars ?? throw new RawDataException(file, null, null, "the file has a header but no rows: expected one row per bar");
    }

    private static int Capacity(long fileBytes, int firstRowBytes) =>
        (int)Math.Clamp(fileBytes / Math.Max(16, firstRowBytes) * 11 / 10 + 16, 16, int.MaxValue / 16);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static long Time(ReadOnlySpan<byte> text, string file, long line, string field)
    {
        if (CsvFields.TryDigits(text, out var epoch))
        {
            if (epoch >= CsvFields.MicrosecondThreshold) return CsvFields.EpochMs(text, file, line, field);
            if (epoch < BarTimeText.SmallestPlausibleMs)
                throw new RawDataException(file, line, field,
                    $"{Show(text)} would be {UtcText.Format(epoch)} as epoch milliseconds: it looks like epoch seconds; write milliseconds (x1000) or ISO-8601 times");
            return epoch;
        }
        if (BarTimeText.TryParseIso(text, out var ms)) return ms;
        throw new RawDataException(file, line, field,
            $"{Show(text)} is not a time: use ISO-8601 UTC (2024-01-01T00:05:00Z, with Z, an offset such as +02:00, or no zone for UTC) or epoch milliseconds of the bar's open");
    }

    private static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text;

    private static string Show(ReadOnlySpan<byte> text) => CsvFields.Show(text);

    private static bool ReadHeader(CsvLineReader reader, string file, out Layout layout)
    {
        layout = default;
        ReadOnlySpan<byte> line;
        do
        {
            if (!reader.TryReadLine(out line)) return false;
        } while (line.IsEmpty);
        var ln = reader.LineNumber;
        var text = Encoding.UTF8.GetString(line);
        var names = text.Split(',').Select(n => n.Trim().Trim('"').Trim().ToLowerInvariant()).ToArray();
        var shown = string.Join(",", names);
        if (names.Length > 0 && CsvFields.LooksNumeric(line[..Math.Min(line.Length, 1)]))
            throw new RawDataException(file, ln, null,
                $"the first line '{Shorten(text)}' is data, not a header: add a header naming the columns, e.g. datetime,open,high,low,close,volume");
        int Find(string name)
        {
            var at = Array.IndexOf(names, name);
            if (at >= 0 && Array.IndexOf(names, name, at + 1) >= 0)
                throw new RawDataException(file, ln, name, $"the header names column '{name}' twice (header: {shown})");
            return at;
        }
        var times = TimeColumns.Select(name => (Name: name, At: Find(name))).Where(c => c.At >= 0).OrderBy(c => c.At).ToArray();
        if (times.Length > 1)
            throw new RawDataException(file, ln, times[1].Name,
                $"the header has two time columns, '{times[0].Name}' and '{times[1].Name}' (header: {shown}): keep one, the bar's open time");
        if (times.Length == 0)
            throw new RawDataException(file, ln, "datetime",
                $"missing the time column: name it datetime, timestamp or open_time (the bar's open, ISO-8601 UTC or epoch ms); the header found is '{shown}'");
        var (timeName, time) = times[0];
        var columns = new int[RequiredColumns.Length];
        for (var c = 0; c < RequiredColumns.Length; c++)
        {
            columns[c] = Find(RequiredColumns[c]);
            if (columns[c] < 0)
                throw new RawDataException(file, ln, RequiredColumns[c],
                    $"missing column '{RequiredColumns[c]}': a bars CSV needs a time column and open, high, low, close, volume (quote_volume optional); the header found is '{shown}'");
        }
        layout = new Layout(names.Length, time, timeName, columns[0], columns[1], columns[2], columns[3], columns[4], Find(QuoteVolume));
        return true;
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private readonly record struct Layout(int FieldCount, int Time, string TimeName, int Open, int High, int Low, int Close, int Volume, int Quote);
}
