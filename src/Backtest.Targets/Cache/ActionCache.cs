using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Backtest.Targets;

/// <summary>
/// The action cache of one data folder: records (<c>data/cache/actions</c>), blobs (<c>data/cache/cas</c>), the
/// stat cache and the per-target indexes of last keys. A read-only instance (used by <c>--plan</c>) never writes.
/// </summary>
public sealed class ActionCache
{
    private readonly Dictionary<string, TargetIndex> _indexes = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    internal ActionCache(string rootDirectory, string dataDirectory, bool readOnly)
    {
        RootDirectory = rootDirectory;
        Directory = Path.Combine(dataDirectory, "cache");
        RecordsDirectory = Path.Combine(Directory, "actions");
        Blobs = new ContentStore(Path.Combine(Directory, "cas"));
        ReadOnly = readOnly;
        Stat = StatCache.Load(rootDirectory, Path.Combine(Directory, "stat.json"));
    }

    /// <summary>The repository root the cached paths are relative to.</summary>
    public string RootDirectory { get; }

    /// <summary><c>data/cache</c>.</summary>
    public string Directory { get; }

    /// <summary><c>data/cache/actions</c>: one record per action key.</summary>
    public string RecordsDirectory { get; }

    /// <summary>True under <c>--plan</c>: nothing is written.</summary>
    public bool ReadOnly { get; }

    internal ContentStore Blobs { get; }

    internal StatCache Stat { get; }

    /// <summary>The record file of a key.</summary>
    public string RecordPath(string key) => Path.Combine(RecordsDirectory, key + ".json");

    /// <summary>The record of <paramref name="key"/>, or null when there is none (or it is unreadable).</summary>
    public ActionRecord? TryReadRecord(string key) => TryReadRecord(key, withIngredients: true);

    internal ActionRecord? TryReadRecord(string key, bool withIngredients)
    {
        SafeFileHandle handle;
        try { handle = File.OpenHandle(RecordPath(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete); }
        catch (FileNotFoundException) { return null; }
        catch (DirectoryNotFoundException) { return null; }
        using (handle)
        {
            var length = (int)RandomAccess.GetLength(handle);
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
            try
            {
                var read = 0;
                while (read < length)
                {
                    var n = RandomAccess.Read(handle, buffer.AsSpan(read, length - read), read);
                    if (n == 0) break;
                    read += n;
                }
                return ActionRecord.FromJson(buffer.AsSpan(0, read), withIngredients);
            }
            catch (System.Text.Json.JsonException) { return null; }
            catch (InvalidOperationException) { return null; }
            catch (FormatException) { return null; }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>
    /// Prunes blobs no action record references and reports what it freed. (A blob hard-linked to a file in the lake
    /// frees its disk space only once that file is replaced too.)
    /// </summary>
    public CacheGcReport CollectGarbage()
    {
        EnsureWritable();
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        var records = 0;
        if (System.IO.Directory.Exists(RecordsDirectory))
            foreach (var file in System.IO.Directory.EnumerateFiles(RecordsDirectory, "*.json", TemporaryFiles.AllFiles(recurse: false)))
            {
                var record = TryReadRecord(Path.GetFileNameWithoutExtension(file), withIngredients: false);
                if (record is null) continue;
                records++;
                foreach (var output in record.Outputs) referenced.Add(output.Sha256);
            }
        int removed = 0, kept = 0;
        long removedBytes = 0, keptBytes = 0;
        foreach (var (sha, path, bytes) in Blobs.Enumerate())
        {
            if (referenced.Contains(sha)) { kept++; keptBytes += bytes; continue; }
            TemporaryFiles.TryDelete(path);
            removed++;
            removedBytes += bytes;
        }
        return new CacheGcReport(records, removed, removedBytes, kept, keptBytes);
    }

    internal void WriteRecord(ActionRecord record)
    {
        EnsureWritable();
        AtomicFile.WriteAllBytes(RecordPath(record.Key), record.ToJson());
    }

    internal TargetIndex IndexOf(string target)
    {
        lock (_gate)
        {
            if (!_indexes.TryGetValue(target, out var index))
                _indexes[target] = index = TargetIndex.Load(Directory, target);
            return index;
        }
    }

    /// <summary>Persists the stat cache and target indexes (no-op when read-only).</summary>
    internal void Flush()
    {
        if (ReadOnly) return;
        Stat.Save();
        lock (_gate)
            foreach (var index in _indexes.Values) index.Save();
    }

    private void EnsureWritable()
    {
        if (ReadOnly) throw new InvalidOperationException("the action cache is read-only under --plan");
    }
}
