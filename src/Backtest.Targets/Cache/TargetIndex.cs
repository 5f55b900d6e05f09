using System.Text.Json;

namespace Backtest.Targets;

/// <summary>
/// The last key recorded for each partition of one target (<c>data/cache/last/&lt;target&gt;.json</c>), with that
/// record's outputs. It serves two purposes: an action whose key equals its last key is checked against these
/// outputs without opening its record (one file read per target instead of one per action), and <c>--plan</c> and
/// the run log diff the last record's ingredients against the current ones to say why an action must rerun.
/// The record files stay the source of truth (restores read them).
/// </summary>
internal sealed class TargetIndex
{
    private const string Format = "backtest.last/2";
    private readonly string _file;
    private readonly SortedDictionary<string, Entry> _entries;
    private readonly object _gate = new();
    private bool _dirty;

    private TargetIndex(string file, SortedDictionary<string, Entry> entries)
    {
        _file = file;
        _entries = entries;
    }

    /// <summary>Loads the index of <paramref name="target"/> (empty when absent or unreadable).</summary>
    public static TargetIndex Load(string cacheDirectory, string target)
    {
        var file = Path.Combine(cacheDirectory, "last", target + ".json");
        var entries = new SortedDictionary<string, Entry>(StringComparer.Ordinal);
        try
        {
            if (File.Exists(file))
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(file));
                if (document.RootElement.TryGetProperty("format", out var format) && format.GetString() == Format)
                    foreach (var property in document.RootElement.GetProperty("partitions").EnumerateObject())
                    {
                        var value = property.Value;
                        var outputs = new List<RecordedOutput>();
                        foreach (var output in value.GetProperty("outputs").EnumerateArray())
                            outputs.Add(new RecordedOutput(output[0].GetString()!, output[1].GetString()!, output[2].GetInt64()));
                        entries[property.Name] = new Entry(value.GetProperty("key").GetString()!, outputs,
                            value.TryGetProperty("info", out var info) ? info.GetString() : null);
                    }
            }
        }
        catch (JsonException) { entries.Clear(); }
        catch (InvalidOperationException) { entries.Clear(); }
        catch (KeyNotFoundException) { entries.Clear(); }
        catch (IndexOutOfRangeException) { entries.Clear(); }
        return new TargetIndex(file, entries);
    }

    /// <summary>The last key recorded for a partition, if any.</summary>
    public string? KeyOf(string partition)
    {
        lock (_gate) return _entries.TryGetValue(partition, out var entry) ? entry.Key : null;
    }

    /// <summary>The outputs of the last record of <paramref name="partition"/> when its key is <paramref name="key"/>, as a record.</summary>
    public ActionRecord? RecordFor(string target, string partition, string key)
    {
        lock (_gate)
            return _entries.TryGetValue(partition, out var entry) && entry.Key == key
                ? new ActionRecord { Key = key, Target = target, Partition = partition, Outputs = entry.Outputs, Info = entry.Info }
                : null;
    }

    /// <summary>Notes the record a partition now matches.</summary>
    public void Set(string partition, ActionRecord record)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(partition, out var old) && old.Key == record.Key && old.Info == record.Info && old.Outputs.SequenceEqual(record.Outputs)) return;
            _entries[partition] = new Entry(record.Key, record.Outputs, record.Info);
            _dirty = true;
        }
    }

    /// <summary>Writes the index atomically when it changed.</summary>
    public void Save()
    {
        byte[] bytes;
        lock (_gate)
        {
            if (!_dirty) return;
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                writer.WriteString("format", Format);
                writer.WriteStartObject("partitions");
                foreach (var (partition, entry) in _entries)
                {
                    writer.WriteStartObject(partition);
                    writer.WriteString("key", entry.Key);
                    if (entry.Info is not null) writer.WriteString("info", entry.Info);
                    writer.WriteStartArray("outputs");
                    foreach (var output in entry.Outputs)
                    {
                        writer.WriteStartArray();
                        writer.WriteStringValue(output.Path);
                        writer.WriteStringValue(output.Sha256);
                        writer.WriteNumberValue(output.Bytes);
                        writer.WriteEndArray();
                    }
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            buffer.WriteByte((byte)'\n');
            bytes = buffer.ToArray();
            _dirty = false;
        }
        AtomicFile.WriteAllBytes(_file, bytes);
    }

    private sealed record Entry(string Key, IReadOnlyList<RecordedOutput> Outputs, string? Info);
}
