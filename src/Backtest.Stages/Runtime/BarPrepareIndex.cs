using System.Globalization;
using Backtest.Core.Cleaning;
using Backtest.Core.Market;
using Backtest.Core.Time;
using Backtest.Lake.Files;
using Backtest.Lake.Layout;
using Backtest.Lake.Tables;
using Backtest.Stages.Pipeline;

namespace Backtest.Stages.Runtime;

/// <summary>
/// data/runtime/bar_prepare_index.json: a materialised view of data readiness per (market, symbol,
/// timeframe): first and last bar, rows, gaps, which fields have data, and which stages are present with
/// their file digests. Refreshed after every data stage from what is on disk (never from memory), so it
/// is right whichever actions ran. Digests are reused from the previous index while size and time match.
/// </summary>
public static class BarPrepareIndex
{
    /// <summary>The whole index.</summary>
    public sealed record Index(int Format, IReadOnlyList<Entry> Entries);

    /// <summary>Readiness of one (market, symbol, timeframe).</summary>
    public sealed record Entry(string Market, string Symbol, string Timeframe, string? Source, string? FirstBar, string? LastBar, int Rows,
        int FilledBars, int GapRuns, IReadOnlyList<string> FieldsWithData, IReadOnlyDictionary<string, IReadOnlyList<FileEntry>> Stages);

    /// <summary>A file present in the lake.</summary>
    public sealed record FileEntry(string Path, long Bytes, string Sha256, long MtimeTicks);

    /// <summary>Rebuilds the entries of the run's symbols (keeping other entries) and writes the index atomically.</summary>
    public static void Refresh(PipelineSettings s)
    {
        var path = LakeLayout.Absolute(s.Root, LakeLayout.BarPrepareIndex);
        Index? previous = null;
        if (File.Exists(path))
        {
            try { previous = LakeJson.Read<Index>(path); } catch (InvalidDataException) { previous = null; }
        }
        var known = previous?.Entries.SelectMany(e => e.Stages.Values.SelectMany(f => f)).GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.First())
                    ?? new Dictionary<string, FileEntry>();
        var entries = new SortedDictionary<string, Entry>(StringComparer.Ordinal);
        if (previous is not null) foreach (var e in previous.Entries) entries[$"{e.Market}/{e.Symbol}/{e.Timeframe}"] = e;
        foreach (var symbol in s.Symbols)
            entries[$"{s.Market.ToFolder()}/{symbol}/{s.Timeframe}"] = Build(s, symbol, known);
        LakeJson.WriteAtomic(path, new Index(1, entries.Values.ToArray()));
    }

    private static Entry Build(PipelineSettings s, string symbol, Dictionary<string, FileEntry> known)
    {
        var tf = s.Timeframe;
        var stages = new SortedDictionary<string, IReadOnlyList<FileEntry>>(StringComparer.Ordinal)
        {
            ["raw"] = Files(s.Root, [LakeLayout.RawKlines(s.Market, symbol, tf), LakeLayout.RawFunding(s.Market, symbol), LakeLayout.RawOpenInterest(s.Market, symbol)], known),
            ["cleaned"] = Files(s.Root, [LakeLayout.CleanedBars(s.Market, symbol, tf), LakeLayout.CleanReportJson(s.Market, symbol, tf)], known),
            ["features"] = Folder(s.Root, Path.GetDirectoryName(LakeLayout.Feature(s.Market, symbol, tf, "x"))!, known),
            ["events"] = Folder(s.Root, Path.GetDirectoryName(LakeLayout.Event(s.Market, symbol, tf, "x"))!, known),
        };
        string? first = null, last = null, source = null;
        int rows = 0, filled = 0, gaps = 0;
        var fields = new List<string>();
        var report = LakeLayout.Absolute(s.Root, LakeLayout.CleanReportJson(s.Market, symbol, tf));
        if (File.Exists(report))
        {
            var r = LakeJson.Read<CleanReport>(report);
            (first, last, rows, filled, gaps) = (UtcTime.Iso(r.FirstTs), UtcTime.Iso(r.LastTs), r.Bars, r.FilledBars, r.Gaps.Count);
            fields.AddRange(["open", "high", "low", "close", "volume", "quote_volume"]);
            if (r.FundingSettlements > 0) fields.Add("funding_rate");
            if (r.OpenInterestBars > 0) fields.Add("open_interest");
        }
        var bars = LakeLayout.Absolute(s.Root, LakeLayout.CleanedBars(s.Market, symbol, tf));
        if (File.Exists(bars)) source = LakeTables.Metadata(bars).GetValueOrDefault(LakeMetadata.Source);
        return new Entry(s.Market.ToFolder(), symbol, tf.ToString(), source, first, last, rows, filled, gaps, fields, stages);
    }

    private static IReadOnlyList<FileEntry> Folder(string root, string relativeFolder, Dictionary<string, FileEntry> known)
    {
        var dir = LakeLayout.Absolute(root, relativeFolder);
        if (!Directory.Exists(dir)) return [];
        var files = Directory.EnumerateFiles(dir, "*.parquet").Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        return Files(root, files, known);
    }

    private static IReadOnlyList<FileEntry> Files(string root, IEnumerable<string> relative, Dictionary<string, FileEntry> known)
    {
        var result = new List<FileEntry>();
        foreach (var rel in relative)
        {
            var info = new FileInfo(LakeLayout.Absolute(root, rel));
            if (!info.Exists) continue;
            var ticks = info.LastWriteTimeUtc.Ticks;
            result.Add(known.TryGetValue(rel, out var k) && k.Bytes == info.Length && k.MtimeTicks == ticks
                ? k
                : new FileEntry(rel, info.Length, Hashing.FileSha256Hex(info.FullName), ticks));
        }
        return result;
    }

    /// <summary>"BTCUSDT: 210,240 bars …" one line per symbol, for logs.</summary>
    public static string Describe(Entry e) => string.Create(CultureInfo.InvariantCulture,
        $"{e.Symbol} {e.Timeframe}: {e.Rows:N0} bars {e.FirstBar} → {e.LastBar}, {e.FilledBars:N0} filled");
}
