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
    /// 2026-06-25 00:00 UTC. From then on the daily files label a snapshot by the start of its 5-minute period
    /// (rows 00:00…23:55, the value at T observed at T+5min) instead of its end (rows 00:05…00:00); reported in
    /// binance/binance-public-data#491. Rows labelled from this time are moved 5 minutes later so that a value is
    /// never stamped before it was observed (no look-ahead), and the two conventions join without a duplicate.
    /// </summary>
    public const long StartOfPeriodLabelsFromMs = 1_782_345_600_000L;

    /// <summary>The metrics period, which the relabelling shifts by.</summary>
    public const long PeriodMs = 300_000L;

    /// <summary>Snapshot time of a create_time label (see <see cref="StartOfPeriodLabelsFromMs"/>).</summary>
    public static long SnapshotTime(long createTimeMs) =>
        createTimeMs >= StartOfPeriodLabelsFromMs ? createTimeMs + PeriodMs : createTimeMs;

    /// <summary>Reads every row: First = open interest (contracts), Second = its notional value. Rows for another symbol are an error.</summary>
    public static SeriesRun Parse(Stream stream, string file, string? symbol)
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
            previous = created;
            if (expectedSymbol is not null && !line[f[1]].SequenceEqual(expectedSymbol))
                throw new RawDataException(file, ln, "symbol",
                    $"{CsvFields.Show(line[f[1]])} differs from the symbol {symbol} that the file name states");
            var oi = CsvFields.DoubleOrBlank(line[f[2]], file, ln, "sum_open_interest");
            var value = CsvFields.DoubleOrBlank(line[f[3]], file, ln, "sum_open_interest_value");
            run.Add(SnapshotTime(created), oi, value);
        }
        return run;
    }

    private static bool LooksLikeTime(ReadOnlySpan<byte> field) => !field.IsEmpty && char.IsAsciiDigit((char)field[0]);
}
