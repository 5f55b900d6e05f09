using Backtest.Lake.Sources.Csv;

namespace Backtest.Lake.Sources.Binance;

/// <summary>
/// Parses a Binance funding file (calc_time,funding_interval_hours,last_funding_rate; header optional) into
/// settlements. The interval is taken from the file as written.
/// </summary>
internal static class FundingCsvParser
{
    /// <summary>Column names of the Data Vision fundingRate layout.</summary>
    public static readonly string[] Layout = ["calc_time", "funding_interval_hours", "last_funding_rate"];

    private const long HourMs = 3_600_000L;

    /// <summary>
    /// The settlement time of a funding print. Binance stamps prints a few ms after the hour (1672560000008 is
    /// 08:00:00.008); taken literally, the print would land on the bar closing 5 minutes after the settlement.
    /// So calc_time is rounded to the nearest second, then snapped to the funding grid (whole UTC hours, which
    /// every Binance interval of 1, 2, 4 or 8 h lands on) only if within 1 s of it. A print further off the hour
    /// keeps its second-rounded time rather than being moved to a settlement it may not belong to.
    /// </summary>
    public static long SettlementTime(long calcTimeMs)
    {
        var second = (calcTimeMs + 500) / 1000 * 1000;
        var hour = (second + HourMs / 2) / HourMs * HourMs;
        return Math.Abs(second - hour) <= 1000 ? hour : second;
    }

    /// <summary>Reads every row of <paramref name="stream"/>: First = rate, Second = interval hours.</summary>
    public static SeriesRun Parse(Stream stream, string file)
    {
        var reader = new CsvLineReader(stream);
        Span<Range> f = stackalloc Range[16];
        var run = new SeriesRun(file);
        var first = true;
        var columns = Layout.Length;
        var previous = long.MinValue;
        while (reader.TryReadLine(out var line))
        {
            if (line.IsEmpty) continue;
            var n = CsvFields.Split(line, f);
            var ln = reader.LineNumber;
            if (first)
            {
                first = false;
                columns = Math.Max(n, Layout.Length);
                if (!CsvFields.LooksNumeric(line[f[0]]))
                {
                    LayoutCheck.Header(line, f, n, Layout, Layout.Length, file, ln, "fundingRate");
                    continue;
                }
            }
            if (n != columns)
                throw new RawDataException(file, ln, null,
                    $"the row has {n} fields where this file's fundingRate layout (calc_time,funding_interval_hours,last_funding_rate) has {columns}");
            var calc = CsvFields.EpochMs(line[f[0]], file, ln, "calc_time");
            if (calc < previous)
                throw new RawDataException(file, ln, "calc_time",
                    $"{calc} ({UtcText.Format(calc)}) is earlier than the previous row's {previous} ({UtcText.Format(previous)}); rows must be in time order within a file");
            previous = calc;
            var interval = CsvFields.Double(line[f[1]], file, ln, "funding_interval_hours");
            if (interval <= 0)
                throw new RawDataException(file, ln, "funding_interval_hours", $"{interval} is not a positive number of hours");
            var rate = CsvFields.Double(line[f[2]], file, ln, "last_funding_rate");
            run.Add(SettlementTime(calc), rate, interval);
        }
        return run;
    }
}
