using Backtest.Core.Market;
using Backtest.Core.Time;
using Backtest.Lake.Sources.Csv;

namespace Backtest.Lake.Sources.Binance;

/// <summary>
/// Imports Binance Data Vision files (plain, gzip or zip CSV) into the shared column series. Several files of one
/// kind are merged in time order; nothing is dropped or repaired here (duplicates stay adjacent, gaps stay gaps):
/// that is the Clean stage's job, where it is reported.
/// </summary>
public static class BinanceImporter
{
    /// <summary>Klines of (market, symbol, timeframe) and, for perps, funding and open interest if the folder holds them.</summary>
    public static BinanceImport Import(BinanceRawFolder folder, MarketKind market, string symbol, Timeframe timeframe)
    {
        var klines = ImportKlines(Paths(folder.KlineFiles(market, symbol, timeframe)), timeframe);
        if (market == MarketKind.Spot) return new BinanceImport(klines, null, null);
        var fundingFiles = folder.FundingFiles(symbol);
        var metricsFiles = folder.MetricsFiles(symbol);
        return new BinanceImport(
            klines,
            fundingFiles.Count == 0 ? null : ImportFunding(Paths(fundingFiles)),
            metricsFiles.Count == 0 ? null : ImportOpenInterest(Paths(metricsFiles), symbol));
    }

    /// <summary>
    /// Klines from any mix of files of one symbol and timeframe. Ts is the bar close (open_time + timeframe).
    /// Quote volume, trade count and taker-buy volume are present only when every file has the 12-column layout.
    /// </summary>
    public static KlineSeries ImportKlines(IReadOnlyList<string> files, Timeframe timeframe)
    {
        var runs = new List<KlineRun>();
        foreach (var file in files)
            foreach (var run in RawCsvFile.Read(file, (stream, name) => KlineCsvParser.Parse(stream, name, timeframe)))
                if (run.Count > 0) runs.Add(run);
        if (runs.Count == 0)
            throw new RawDataException(files.Count == 1 ? files[0] : string.Join(", ", files), null, null, "holds no kline rows");

        var order = RunMerge.RunOrder(runs.ConvertAll(r => r.Ts), runs.ConvertAll(r => r.Count));
        var total = 0;
        var extended = true;
        foreach (var r in runs)
        {
            total += r.Count;
            extended &= r.Extended;
        }
        var ts = new long[total];
        var open = new double[total];
        var high = new double[total];
        var low = new double[total];
        var close = new double[total];
        var volume = new double[total];
        var quote = extended ? new double[total] : null;
        var trades = extended ? new long[total] : null;
        var takerBuy = extended ? new double[total] : null;
        var lengths = new List<int>(runs.Count);
        var at = 0;
        foreach (var index in order)
        {
            var r = runs[index];
            var n = r.Count;
            r.Ts.AsSpan(0, n).CopyTo(ts.AsSpan(at));
            r.Open.AsSpan(0, n).CopyTo(open.AsSpan(at));
            r.High.AsSpan(0, n).CopyTo(high.AsSpan(at));
            r.Low.AsSpan(0, n).CopyTo(low.AsSpan(at));
            r.Close.AsSpan(0, n).CopyTo(close.AsSpan(at));
            r.Volume.AsSpan(0, n).CopyTo(volume.AsSpan(at));
            if (extended)
            {
                r.QuoteVolume.AsSpan(0, n).CopyTo(quote.AsSpan(at));
                r.Trades.AsSpan(0, n).CopyTo(trades.AsSpan(at));
                r.TakerBuyVolume.AsSpan(0, n).CopyTo(takerBuy.AsSpan(at));
            }
            lengths.Add(n);
            at += n;
        }
        var rows = RunMerge.RowOrder(ts, lengths);
        return new KlineSeries(
            RunMerge.Permute(ts, rows), RunMerge.Permute(open, rows), RunMerge.Permute(high, rows), RunMerge.Permute(low, rows),
            RunMerge.Permute(close, rows), RunMerge.Permute(volume, rows),
            quote is null ? null : RunMerge.Permute(quote, rows),
            trades is null ? null : RunMerge.Permute(trades, rows),
            takerBuy is null ? null : RunMerge.Permute(takerBuy, rows));
    }

    /// <summary>
    /// Funding settlements from fundingRate files. Ts is calc_time rounded to the nearest second, then snapped to
    /// the whole UTC hour if within 1 s of it (see <c>FundingCsvParser.SettlementTime</c>); the interval is the file's.
    /// </summary>
    public static FundingSeries ImportFunding(IReadOnlyList<string> files)
    {
        var (ts, rate, interval) = Merge(files, (stream, name) => FundingCsvParser.Parse(stream, name));
        return new FundingSeries(ts, rate, interval);
    }

    /// <summary>
    /// Open interest from metrics files: Ts is the snapshot time (create_time; 5 minutes later in files from
    /// 2026-06-25, when Binance switched to start-of-period labels). Blank values are NaN.
    /// <paramref name="symbol"/>, when given, must match every row's symbol column.
    /// </summary>
    public static OpenInterestSeries ImportOpenInterest(IReadOnlyList<string> files, string? symbol = null)
    {
        var (ts, oi, value) = Merge(files, (stream, name) => MetricsCsvParser.Parse(stream, name, symbol, MetricsCsvParser.LabelsStartOfPeriod(name)));
        return new OpenInterestSeries(ts, oi, value);
    }

    private static (long[] Ts, double[] First, double[] Second) Merge(IReadOnlyList<string> files, Func<Stream, string, SeriesRun> parse)
    {
        var runs = new List<SeriesRun>();
        foreach (var file in files)
            foreach (var run in RawCsvFile.Read(file, parse))
                if (run.Count > 0) runs.Add(run);
        if (runs.Count == 0) return ([], [], []);
        var order = RunMerge.RunOrder(runs.ConvertAll(r => r.Ts), runs.ConvertAll(r => r.Count));
        var total = 0;
        foreach (var r in runs) total += r.Count;
        var ts = new long[total];
        var first = new double[total];
        var second = new double[total];
        var lengths = new List<int>(runs.Count);
        var at = 0;
        foreach (var index in order)
        {
            var r = runs[index];
            r.Ts.AsSpan(0, r.Count).CopyTo(ts.AsSpan(at));
            r.First.AsSpan(0, r.Count).CopyTo(first.AsSpan(at));
            r.Second.AsSpan(0, r.Count).CopyTo(second.AsSpan(at));
            lengths.Add(r.Count);
            at += r.Count;
        }
        var rows = RunMerge.RowOrder(ts, lengths);
        return (RunMerge.Permute(ts, rows), RunMerge.Permute(first, rows), RunMerge.Permute(second, rows));
    }

    private static List<string> Paths(IReadOnlyList<BinanceRawFile> files)
    {
        var paths = new List<string>(files.Count);
        foreach (var f in files) paths.Add(f.Path);
        return paths;
    }
}
