using System.Text;
using Backtest.Core.Market;
using Backtest.Core.Time;

namespace Backtest.Lake.Sources.Binance;

/// <summary>
/// What a raw folder holds: which files are klines, funding or metrics of which (market, symbol, timeframe).
/// Accepts Binance Data Vision trees (data/futures/um/monthly/klines/BTCUSDT/5m/BTCUSDT-5m-2024-01.zip) and flat
/// folders (BTCUSDT-5m.csv.gz, ETHUSDT-5m-seg1.csv.gz, BTCUSDT-fundingRate.csv, BTCUSDT-metrics-2024-01-15.zip).
/// The market is spot when the nearest path segment naming a market says "spot" (as a whole lower- or title-case
/// dash/underscore token: "binance-spot-5m"), perp when it says um, usdm, futures or perp, and perp when none does. A daily
/// archive whose month also has a monthly archive is superseded (listed in <see cref="Ignored"/>).
/// </summary>
public sealed class BinanceRawFolder
{
    // Data Vision dataset folders that are not imported, besides the three that are.
    private static readonly HashSet<string> OtherDatasets = new(StringComparer.Ordinal)
    {
        "markPriceKlines", "indexPriceKlines", "premiumIndexKlines", "aggTrades", "trades", "bookTicker", "bookDepth",
        "liquidationSnapshot", "BVOLIndex", "EOHSummary",
    };

    // Names distinctive enough to trust even above the raw folder (a user may point --raw-dir inside a tree).
    private static readonly HashSet<string> DistinctiveDatasets = new(StringComparer.Ordinal)
    {
        "fundingRate", "markPriceKlines", "indexPriceKlines", "premiumIndexKlines", "aggTrades", "bookTicker", "bookDepth",
        "liquidationSnapshot", "BVOLIndex", "EOHSummary",
    };

    private static readonly string[] Extensions = [".csv.gz", ".csv.zip", ".csv", ".zip", ".gz"];

    private BinanceRawFolder(string root, List<BinanceRawFile> files, List<IgnoredRawFile> ignored)
    {
        Root = root;
        Files = files;
        Ignored = ignored;
    }

    /// <summary>The scanned folder (full path).</summary>
    public string Root { get; }

    /// <summary>Recognised files, sorted by path.</summary>
    public IReadOnlyList<BinanceRawFile> Files { get; }

    /// <summary>Files not used, with the reason, sorted by path (.CHECKSUM sidecars, temp and hidden files are left out silently).</summary>
    public IReadOnlyList<IgnoredRawFile> Ignored { get; }

    /// <summary>Classifies every file under <paramref name="rawDir"/> (recursively).</summary>
    public static BinanceRawFolder Scan(string rawDir)
    {
        var root = Path.GetFullPath(rawDir);
        if (File.Exists(root))
            throw new RawDataException(root, null, null,
                "the raw data folder (--raw-dir) is a file; pass the folder that holds the Binance files");
        if (!Directory.Exists(root))
            throw new RawDataException(root, null, null,
                "the raw data folder (--raw-dir) does not exist; pass a folder holding Binance Data Vision files, either a data/futures/um/… tree as the downloader writes it or flat files such as BTCUSDT-5m.csv.gz and BTCUSDT-fundingRate.csv");

        var paths = new List<string>(Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true }));
        paths.Sort(StringComparer.Ordinal);
        var rootSegments = root.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var files = new List<BinanceRawFile>();
        var ignored = new List<IgnoredRawFile>();
        foreach (var path in paths)
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.') || name.EndsWith(".CHECKSUM", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)) continue;
            var relativeDirs = Path.GetDirectoryName(Path.GetRelativePath(root, path))!
                .Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
            var (file, reason) = Classify(path, name, relativeDirs, rootSegments);
            if (file is not null) files.Add(file);
            else ignored.Add(new IgnoredRawFile(path, reason!));
        }
        SupersedeDailies(files, ignored);
        ignored.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new BinanceRawFolder(root, files, ignored);
    }

    /// <summary>Symbols with at least one recognised file in <paramref name="market"/>, sorted.</summary>
    public IReadOnlyList<string> Symbols(MarketKind market)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var f in Files)
            if (f.Market == market) set.Add(f.Symbol);
        return [.. set];
    }

    /// <summary>The kline files of (market, symbol, timeframe); a clear error naming the folder and what it does hold when there are none.</summary>
    public IReadOnlyList<BinanceRawFile> KlineFiles(MarketKind market, string symbol, Timeframe timeframe)
    {
        var result = Select(market, symbol, BinanceDataKind.Klines, timeframe);
        if (result.Count > 0) return result;

        if (Files.Count == 0)
            throw new RawDataException(Root, null, null,
                $"no Binance klines, fundingRate or metrics files found here (searched recursively{IgnoredSummary()}); expected a Data Vision tree (data/futures/um/monthly/klines/<SYM>/<tf>/<SYM>-<tf>-YYYY-MM.zip) or flat files named <SYM>-<tf>*.csv[.gz|.zip]");
        var timeframes = new SortedSet<int>();
        foreach (var f in Files)
            if (f.Market == market && f.Symbol == symbol && f.Kind == BinanceDataKind.Klines) timeframes.Add(f.Timeframe!.Value.Minutes);
        if (timeframes.Count > 0)
            throw new RawDataException(Root, null, null,
                $"{symbol} ({market.ToFolder()}) has klines here at {string.Join(", ", timeframes.Select(m => new Timeframe(m).ToString()))} but none at {timeframe} (searched recursively)");
        throw new RawDataException(Root, null, null,
            $"no {market.ToFolder()} klines for {symbol} in this folder (searched recursively); it holds {Inventory()}");
    }

    /// <summary>Funding files of a perpetual symbol (empty when the folder has none: funding is optional input).</summary>
    public IReadOnlyList<BinanceRawFile> FundingFiles(string symbol) => Select(MarketKind.Perp, symbol, BinanceDataKind.FundingRate, null);

    /// <summary>Metrics (open interest) files of a perpetual symbol (empty when the folder has none).</summary>
    public IReadOnlyList<BinanceRawFile> MetricsFiles(string symbol) => Select(MarketKind.Perp, symbol, BinanceDataKind.Metrics, null);

    /// <summary>A one-line description of the recognised contents, e.g. "perp: BTCUSDT (5m klines, fundingRate); spot: SOLUSDT (5m klines)".</summary>
    public string Inventory()
    {
        if (Files.Count == 0) return "no recognised files";
        var parts = new List<string>();
        foreach (var market in (MarketKind[])[MarketKind.Perp, MarketKind.Spot])
        {
            var bySymbol = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (var f in Files)
            {
                if (f.Market != market) continue;
                if (!bySymbol.TryGetValue(f.Symbol, out var kinds)) bySymbol[f.Symbol] = kinds = new SortedSet<string>(StringComparer.Ordinal);
                kinds.Add(f.Kind == BinanceDataKind.Klines ? $"{f.Timeframe} klines" : f.Kind.ToDataVisionName());
            }
            if (bySymbol.Count == 0) continue;
            var sb = new StringBuilder(market.ToFolder()).Append(": ");
            var first = true;
            foreach (var (symbol, kinds) in bySymbol)
            {
                if (!first) sb.Append(", ");
                first = false;
                sb.Append(symbol).Append(" (").Append(string.Join(", ", kinds)).Append(')');
            }
            parts.Add(sb.ToString());
        }
        return string.Join("; ", parts);
    }

    private List<BinanceRawFile> Select(MarketKind market, string symbol, BinanceDataKind kind, Timeframe? timeframe)
    {
        var result = new List<BinanceRawFile>();
        foreach (var f in Files)
            if (f.Market == market && f.Symbol == symbol && f.Kind == kind && (timeframe is null || f.Timeframe == timeframe))
                result.Add(f);
        return result;
    }

    private string IgnoredSummary() =>
        Ignored.Count == 0 ? "; the folder holds no files"
        : $"; {Ignored.Count} file(s) ignored, e.g. {Path.GetFileName(Ignored[0].Path)}: {Ignored[0].Reason}";

    private static (BinanceRawFile? File, string? Reason) Classify(string path, string name, string[] relativeDirs, string[] rootSegments)
    {
        string? stem = null;
        foreach (var ext in Extensions)
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) { stem = name[..^ext.Length]; break; }
        if (stem is null) return (null, "not a .csv, .csv.gz or .zip file");

        var market = MarketOf(relativeDirs, rootSegments, out var marketProblem);
        if (marketProblem is not null) return (null, marketProblem);
        var dataset = DatasetOf(relativeDirs, rootSegments);
        if (dataset is not null && OtherDatasets.Contains(dataset))
            return (null, $"the Data Vision '{dataset}' dataset is not imported (klines, fundingRate and metrics are)");

        var tokens = stem.Split('-');
        if (tokens.Length < 2 || tokens[0].Length == 0)
            return (null, "the name is not <SYMBOL>-<timeframe>…, <SYMBOL>-fundingRate… or <SYMBOL>-metrics…");
        var symbol = tokens[0];
        foreach (var c in symbol)
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
                return (null, $"'{symbol}' is not a Binance symbol (upper-case letters and digits, e.g. BTCUSDT)");

        BinanceDataKind kind;
        Timeframe? timeframe = null;
        if (tokens[1] == "fundingRate") kind = BinanceDataKind.FundingRate;
        else if (tokens[1] == "metrics") kind = BinanceDataKind.Metrics;
        else if (Timeframe.TryParse(tokens[1], out var tf) && tf.ToString() == tokens[1]) { kind = BinanceDataKind.Klines; timeframe = tf; }
        else if (LooksLikeInterval(tokens[1]))
            return (null, $"the timeframe '{tokens[1]}' is not supported (minutes, hours or days that tile a day, e.g. 1m, 5m, 1h, 1d)");
        else return (null, $"'{tokens[1]}' after the symbol is neither a timeframe (5m, 1h…), 'fundingRate' nor 'metrics'");

        if (dataset is not null && dataset != kind.ToDataVisionName())
            return (null, $"the name says {kind.ToDataVisionName()} but the file sits in a '{dataset}' folder");
        if (kind != BinanceDataKind.Klines && market == MarketKind.Spot)
            return (null, $"spot markets have no {kind.ToDataVisionName()} data; this file sits under a spot folder");

        return (new BinanceRawFile(path, market, symbol, kind, timeframe, PeriodOf(tokens)), null);
    }

    private static MarketKind MarketOf(string[] relativeDirs, string[] rootSegments, out string? problem)
    {
        problem = null;
        for (var i = relativeDirs.Length + rootSegments.Length - 1; i >= 0; i--)
        {
            var segment = i >= rootSegments.Length ? relativeDirs[i - rootSegments.Length] : rootSegments[i];
            foreach (var token in segment.Split('-', '_', '.', ' '))
            {
                if (IsWord(token, "spot")) return MarketKind.Spot;
                if (IsWord(token, "um") || IsWord(token, "usdm") || IsWord(token, "futures") || IsWord(token, "perp")) return MarketKind.Perp;
                if (IsWord(token, "cm") || IsWord(token, "coinm"))
                {
                    problem = "COIN-M (coin-margined) futures are not supported; only USDT-M perpetuals and spot are";
                    return MarketKind.Perp;
                }
                if (IsWord(token, "option"))
                {
                    problem = "Binance options data is not supported";
                    return MarketKind.Perp;
                }
            }
        }
        return MarketKind.Perp;
    }

    // Lower or title case only: upper-case tokens are symbols (BTCUSD_PERP is a COIN-M symbol, not a market).
    private static bool IsWord(string token, string word) =>
        token.Length == word.Length && (token == word || char.ToLowerInvariant(token[0]) == word[0] && char.IsAsciiLetterUpper(token[0])
            && string.CompareOrdinal(token, 1, word, 1, word.Length - 1) == 0);

    private static string? DatasetOf(string[] relativeDirs, string[] rootSegments)
    {
        for (var i = relativeDirs.Length - 1; i >= 0; i--)
        {
            var s = relativeDirs[i];
            if (s is "klines" or "fundingRate" or "metrics" || OtherDatasets.Contains(s)) return s;
        }
        for (var i = rootSegments.Length - 1; i >= 0; i--)
            if (DistinctiveDatasets.Contains(rootSegments[i])) return rootSegments[i];
        return null;
    }

    private static bool LooksLikeInterval(string token) =>
        token.Length >= 2 && char.IsAsciiDigit(token[0]) && char.IsAsciiLetter(token[^1]);

    // "YYYY-MM" or "YYYY-MM-DD" after the dataset token, as Data Vision names archives; else null.
    private static string? PeriodOf(string[] tokens)
    {
        if (tokens.Length is not (4 or 5)) return null;
        if (tokens[2].Length != 4 || tokens[3].Length != 2 || (tokens.Length == 5 && tokens[4].Length != 2)) return null;
        for (var i = 2; i < tokens.Length; i++)
            foreach (var c in tokens[i])
                if (!char.IsAsciiDigit(c)) return null;
        return string.Join('-', tokens, 2, tokens.Length - 2);
    }

    private static void SupersedeDailies(List<BinanceRawFile> files, List<IgnoredRawFile> ignored)
    {
        var monthly = new Dictionary<(MarketKind, string, BinanceDataKind, int, string), string>();
        foreach (var f in files)
            if (f.Period is { Length: 7 } month)
                monthly.TryAdd((f.Market, f.Symbol, f.Kind, f.Timeframe?.Minutes ?? 0, month), f.Path);
        if (monthly.Count == 0) return;
        files.RemoveAll(f =>
        {
            if (f.Period is not { Length: 10 } day
                || !monthly.TryGetValue((f.Market, f.Symbol, f.Kind, f.Timeframe?.Minutes ?? 0, day[..7]), out var month)) return false;
            ignored.Add(new IgnoredRawFile(f.Path, $"superseded by the monthly archive {Path.GetFileName(month)}"));
            return true;
        });
    }
}
