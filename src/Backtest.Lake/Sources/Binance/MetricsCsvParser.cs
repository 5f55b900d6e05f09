using System.Text;
using Backtest.Lake.Sources.Csv;

namespace Backtest.Lake.Sources.Binance;

/// <summary>
/// Parses a Binance USDT-M metrics file (create_time,symbol,sum_open_interest,sum_open_interest_value,…, one row
/// per 5 minutes, create_time as "YYYY-MM-DD HH:MM:SS" UTC) into open-interest snapshots. Blank values, which
/// Binance publishes for missing snapshots, become NaN; the long/short ratio columns are not read.
/// </summary>
internal static class MetricsCsvParser
{
    /// <summary>The leading columns of the Data Vision metrics layout that the importer reads.</summary>
    public static readonly string[] Layout = ["create_time", "symbol", "sum_open_interest", "sum_open_interest_value"];

    /// <summary>
    /// 2026-06-25 00:00 UTC. From this date the daily files label a snapshot by the start of its 5-minute period
    /// (rows 00:00…23:55, the value labelled T observed at T+5min) instead of its end (rows 00:05…00:00 of the
    /// next day); reported in binance/binance-public-data#491. Such rows are moved 5 minutes later, so a value is
    /// never stamped before it was observed (no look-ahead) and the two conventions join without a duplicate.
    /// </summary>
    public const long StartOfPeriodLabelsFromMs = 1_782_345_600_000L;

    /// <summary>The metrics period, which the relabelling shifts by.</summary>
    public const long PeriodMs = 300_000L;

    /// <summary>
    /// Which convention a file uses, from the day in its Data Vision name (…-metrics-YYYY-MM-DD): true from
    /// 2026-06-25, false before, null when the name states no day (then each row's label decides, see Parse).
    /// </summary>
    public static bool? LabelsStartOfPeriod(string fileName)
    {
        var name = Path.GetFileName(fileName);
        var at = name.IndexOf("-metrics-", StringComparison.Ordinal);
        if (at < 0 || name.Length < at + 9 + 10) return null;
        var day = name.AsSpan(at + 9, 10);
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var date)) return null;
        return date >= new DateOnly(2026, 6, 25);
    }

    /// <summary>
    /// Reads every row: First = open interest (contracts), Second = its notional value. Rows for another symbol are
    /// an error. <paramref name="startOfPeriodLabels"/> (see <see cref="LabelsStartOfPeriod"/>) says whether every
    /// row is moved 5 minutes later; when null, rows labelled after 2026-06-25 00:00 are moved, and a row labelled
    /// exactly then only if it repeats that label (the first such row closes the old-convention day).
    /// </summary>
    public static SeriesRun Parse(Stream stream, string file, string? symbol, bool? startOfPeriodLabels)
    {
        var reader = new CsvLineReader(stream);
        Span<Range> f = stackalloc Range[32];
        var run = new SeriesRun(file);
        var first = true;
        var columns = 0;
        var previous = long.MinValue;
        var expectedSymbol = symbol is null ? null : Encoding.UTF8.GetBytes(symbol);
        while (reader.TryReadLine(out var line))
        {
            if (line.IsEmpty) continue;
            var n = CsvFields.Split(line, f);
            var ln = reader.LineNumber;
            if (first)
            {
                first = false;
                columns = n;
                if (n < Layout.Length)
                    throw new RawDataException(file, ln, null,
                        $"the first row has {n} fields; the metrics layout starts {string.Join(',', Layout)}");
                if (!LooksLikeTime(line[f[0]]))
                {
                    LayoutCheck.Header(line, f, n, Layout, Layout.Length, file, ln, "metrics");
                    continue;
                }
            }
            if (n != columns)
                throw new RawDataException(file, ln, null, $"the row has {n} fields where this file's metrics layout has {columns}");
            var created = CsvFields.UtcTextOrEpochMs(line[f[0]], file, ln, "create_time");
            if (created < previous)
                throw new RawDataException(file, ln, "create_time",
                    $"{UtcText.Format(created)} is earlier than the previous row's {UtcText.Format(previous)}; rows must be in time order within a file");
            var repeatsLabel = created == previous;
            previous = created;
            if (expectedSymbol is not null && !line[f[1]].SequenceEqual(expectedSymbol))
                throw new RawDataException(file, ln, "symbol",
                    $"{CsvFields.Show(line[f[1]])} differs from the symbol {symbol} that the file name states");
            var oi = CsvFields.DoubleOrBlank(line[f[2]], file, ln, "sum_open_interest");
            var value = CsvFields.DoubleOrBlank(line[f[3]], file, ln, "sum_open_interest_value");
            var shift = startOfPeriodLabels
                ?? (created > StartOfPeriodLabelsFromMs || created == StartOfPeriodLabelsFromMs && repeatsLabel);
            run.Add(shift ? created + PeriodMs : created, oi, value);
        }
        return run;
    }

    private static bool LooksLikeTime(ReadOnlySpan<byte> field) => !field.IsEmpty && char.IsAsciiDigit((char)field[0]);
}
