using System.Collections.Concurrent;
using Backtest.Core.Bars;
using Backtest.Lake.Tables;

namespace Backtest.Stages.Pipeline;

/// <summary>
/// In-process memo of lake files already read, keyed by path, size and modification time: hundreds of
/// discovery actions read the same bars and events, and must not each decode them again.
/// Thread-safe (actions run in parallel); entries are immutable arrays shared read-only.
/// </summary>
public static class LakeMemo
{
    private static readonly ConcurrentDictionary<(string Path, long Size, long Mtime, string Kind), Lazy<object>> Cache = new();

    /// <summary>Cleaned bars.</summary>
    public static BarFrame Bars(string path) => Get(path, "bars", () => LakeTables.ReadBars(path));

    /// <summary>A feature column (aligned to its bars).</summary>
    public static double[] Feature(string path) => Get(path, "feature", () => LakeTables.ReadFeature(path));

    /// <summary>An event file's columns.</summary>
    public static LakeTables.EventColumns Events(string path) => Get(path, "events", () => LakeTables.ReadEvents(path));

    /// <summary>Natural logs of a bars file's closes (discovery and bridge samples are log returns).</summary>
    public static double[] LogClose(string barsPath) => Get(barsPath, "log_close", () =>
    {
        var close = Bars(barsPath).Close;
        var result = new double[close.Length];
        for (var i = 0; i < close.Length; i++) result[i] = Math.Log(close[i]);
        return result;
    });

    /// <summary>A value derived from a file (e.g. log closes), memoised with the file's identity.</summary>
    public static T Derived<T>(string path, string kind, Func<T> compute) where T : class => Get(path, kind, compute);

    /// <summary>Forgets everything (tests).</summary>
    public static void Clear() => Cache.Clear();

    private static T Get<T>(string path, string kind, Func<T> load) where T : class
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new LakeFormatException(path, "file not found: run the stage that writes it");
        var key = (info.FullName, info.Length, info.LastWriteTimeUtc.Ticks, kind);
        if (Cache.Count > 4096) Cache.Clear();
        return (T)Cache.GetOrAdd(key, _ => new Lazy<object>(() => load(), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }
}
