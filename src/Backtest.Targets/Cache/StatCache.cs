using System.Collections.Concurrent;
using System.Text.Json;

namespace Backtest.Targets;

/// <summary>
/// Remembers <c>(path, size, mtime) → sha256</c> in <c>data/cache/stat.json</c> so unchanged files are not rehashed.
/// Content stays the truth: a changed size or mtime means a rehash. Files modified within the last two seconds are
/// not remembered across runs (a file system with coarse timestamps could hide a same-size edit in that window).
/// </summary>
internal sealed class StatCache
{
    private const string Format = "backtest.stat/1";
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    private readonly string _root;
    private readonly string _file;
    private readonly ConcurrentDictionary<string, Entry> _entries;
    private readonly ConcurrentDictionary<string, string> _observed = new(StringComparer.Ordinal);
    private int _dirty;

    private StatCache(string root, string file, ConcurrentDictionary<string, Entry> entries)
    {
        _root = root;
        _file = file;
        _entries = entries;
    }

    /// <summary>Loads the cache file (a missing or unreadable file gives an empty cache: it only costs rehashing).</summary>
    public static StatCache Load(string root, string file)
    {
        var entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            if (File.Exists(file))
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(file));
                var rootElement = document.RootElement;
                if (rootElement.TryGetProperty("format", out var format) && format.GetString() == Format)
                    foreach (var property in rootElement.GetProperty("entries").EnumerateObject())
                    {
                        var array = property.Value;
                        entries[property.Name] = new Entry(array[0].GetInt64(), array[1].GetInt64(), array[2].GetString()!);
                    }
            }
        }
        catch (JsonException) { entries.Clear(); }
        catch (InvalidOperationException) { entries.Clear(); }
        catch (KeyNotFoundException) { entries.Clear(); }
        return new StatCache(root, file, entries);
    }

    /// <summary>
    /// Starts a target: forgets the hashes observed so far. Within a target, files change only through its own
    /// actions (which <see cref="Remember"/> them), so each path is stat'ed once per target; between targets an
    /// uncached step may have rewritten anything.
    /// </summary>
    public void BeginTarget() => _observed.Clear();

    /// <summary>The content hash of a root-relative file, or null when it does not exist.</summary>
    public string? TryHash(string relativePath)
    {
        if (_observed.TryGetValue(relativePath, out var seen)) return seen;
        var sha = HashFromDisk(relativePath);
        if (sha is not null) _observed[relativePath] = sha;
        return sha;
    }

    /// <summary>Drops what is known about a file the runner deleted.</summary>
    public void Forget(string relativePath)
    {
        _observed.TryRemove(relativePath, out _);
        if (_entries.TryRemove(relativePath, out _)) Interlocked.Exchange(ref _dirty, 1);
    }

    private string? HashFromDisk(string relativePath)
    {
        var info = new FileInfo(RelativePath.ToAbsolute(_root, relativePath));
        if (!info.Exists)
        {
            if (_entries.TryRemove(relativePath, out _)) Interlocked.Exchange(ref _dirty, 1);
            return null;
        }
        var size = info.Length;
        var mtime = info.LastWriteTimeUtc.Ticks;
        if (_entries.TryGetValue(relativePath, out var entry) && entry.Size == size && entry.MtimeTicks == mtime)
            return entry.Sha256;
        var sha = ContentHash.OfFile(info.FullName);
        if (DateTime.UtcNow - info.LastWriteTimeUtc > RacyWindow)
        {
            _entries[relativePath] = new Entry(size, mtime, sha);
            Interlocked.Exchange(ref _dirty, 1);
        }
        return sha;
    }

    /// <summary>Records the hash of a file the runner itself just committed (its content is known).</summary>
    public void Remember(string relativePath, string sha256)
    {
        var info = new FileInfo(RelativePath.ToAbsolute(_root, relativePath));
        _observed[relativePath] = sha256;
        if (!info.Exists) return;
        _entries[relativePath] = new Entry(info.Length, info.LastWriteTimeUtc.Ticks, sha256);
        Interlocked.Exchange(ref _dirty, 1);
    }

    /// <summary>Writes the cache atomically when it changed (entries sorted, so equal caches are equal files).</summary>
    public void Save()
    {
        if (Interlocked.Exchange(ref _dirty, 0) == 0) return;
        var keys = _entries.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        using var buffer = new MemoryStream(keys.Length * 128 + 64);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteStartObject("entries");
            foreach (var key in keys)
            {
                if (!_entries.TryGetValue(key, out var entry)) continue;
                writer.WriteStartArray(key);
                writer.WriteNumberValue(entry.Size);
                writer.WriteNumberValue(entry.MtimeTicks);
                writer.WriteStringValue(entry.Sha256);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        AtomicFile.WriteAllBytes(_file, buffer.ToArray());
    }

    private readonly record struct Entry(long Size, long MtimeTicks, string Sha256);
}
