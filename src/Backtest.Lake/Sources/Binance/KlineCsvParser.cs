using Backtest.Core.Time;
using Backtest.Lake.Sources.Csv;

namespace Backtest.Lake.Sources.Binance;

/// <summary>
/// Parses one Binance klines CSV: the 12-column Data Vision layout (futures files carry a header since about
/// 2022, spot files none) or the 6-column open_time,open,high,low,close,volume layout, with or without header.
/// Open times in microseconds (spot from 2025-01-01) are converted. Ts is open_time + timeframe (the bar close).
/// Rows must not go backwards in time and must sit on the timeframe grid; equal open times stay adjacent for
/// the Clean stage (which keeps the higher-volume copy).
/// </summary>
internal static class KlineCsvParser
{
    /// <summary>Column names of the 12-column Data Vision klines layout, as its futures headers spell them.</summary>
    public static readonly string[] FullLayout =
    [
        "open_time", "open", "high", "low", "close", "volume", "close_time", "quote_volume", "count",
        "taker_buy_volume", "taker_buy_quote_volume", "ignore",
    ];

    /// <summary>The 6-column layout (freqtrade-style exports, ../shared/data/real).</summary>
    public static readonly string[] ShortLayout = ["open_time", "open", "high", "low", "close", "volume"];

    private const string LayoutHelp =
        "expected the 12-column Data Vision layout (open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore) or the 6-column layout (open_time,open,high,low,close,volume)";

    /// <summary>Reads every row of <paramref name="stream"/>; <paramref name="file"/> names it in errors.</summary>
    public static KlineRun Parse(Stream stream, string file, Timeframe timeframe)
    {
        var reader = new CsvLineReader(stream);
        var frameMs = timeframe.Milliseconds;
        // Binance aligns bars up to 1d on the epoch grid; 3d and longer bars start on a UTC midnight only.
        var gridMs = frameMs <= 86_400_000L ? frameMs : 86_400_000L;
        Span<Range> f = stackalloc Range[FullLayout.Length + 1];
        KlineRun? run = null;
        var columns = 0;
        var previousOpen = long.MinValue;
        while (reader.TryReadLine(out var line))
        {
            if (line.IsEmpty) continue;
            var n = CsvFields.Split(line, f);
            var ln = reader.LineNumber;
            if (run is null)
            {
                if (!CsvFields.LooksNumeric(line[f[0]]))
                {
                    columns = HeaderColumns(line, f, n, file, ln);
                    run = new KlineRun(file, columns == FullLayout.Length);
                    continue;
                }
                if (n != FullLayout.Length && n != ShortLayout.Length)
                    throw new RawDataException(file, ln, null, $"the first row has {n} fields; {LayoutHelp}");
                columns = n;
                run = new KlineRun(file, columns == FullLayout.Length);
            }
            if (n != columns)
                throw new RawDataException(file, ln, null,
                    $"the row has {n} fields where this file's {(columns == FullLayout.Length ? "12-column" : "6-column")} layout has {columns}");

            var open = CsvFields.EpochMs(line[f[0]], file, ln, "open_time");
            if (open % gridMs != 0)
                throw new RawDataException(file, ln, "open_time",
                    $"{open} ({UtcText.Format(open)}) is not on the {timeframe} grid: a {timeframe} bar opens at a multiple of {gridMs} ms since the epoch");
            if (open < previousOpen)
                throw new RawDataException(file, ln, "open_time",
                    $"{open} ({UtcText.Format(open)}) is earlier than the previous row's {previousOpen} ({UtcText.Format(previousOpen)}); rows must be in time order within a file");
            previousOpen = open;

            run.EnsureRoom();
            var i = run.Count;
            run.Ts[i] = open + frameMs;
            run.Open[i] = CsvFields.Double(line[f[1]], file, ln, "open");
            run.High[i] = CsvFields.Double(line[f[2]], file, ln, "high");
            run.Low[i] = CsvFields.Double(line[f[3]], file, ln, "low");
            run.Close[i] = CsvFields.Double(line[f[4]], file, ln, "close");
            run.Volume[i] = CsvFields.Double(line[f[5]], file, ln, "volume");
            if (run.Extended)
            {
                run.QuoteVolume![i] = CsvFields.Double(line[f[7]], file, ln, "quote_volume");
                run.Trades![i] = CsvFields.Long(line[f[8]], file, ln, "count");
                run.TakerBuyVolume![i] = CsvFields.Double(line[f[9]], file, ln, "taker_buy_volume");
            }
            run.Count = i + 1;
        }
        return run ?? new KlineRun(file, extended: false, capacity: 0);
    }

    /// <summary>Checks a header row against the two layouts and returns its column count.</summary>
    private static int HeaderColumns(ReadOnlySpan<byte> line, Span<Range> f, int n, string file, long ln)
    {
        var layout = n == FullLayout.Length ? FullLayout : n == ShortLayout.Length ? ShortLayout : null;
        if (layout is null)
            throw new RawDataException(file, ln, null, $"the header has {n} columns; {LayoutHelp}");
        for (var c = 0; c < n; c++)
        {
            var name = System.Text.Encoding.UTF8.GetString(line[f[c]]).Trim();
            if (!string.Equals(name, layout[c], StringComparison.OrdinalIgnoreCase))
                throw new RawDataException(file, ln, layout[c],
                    $"header column {c + 1} is '{name}' where the {n}-column klines layout has '{layout[c]}'; {LayoutHelp}");
        }
        return n;
    }
}
