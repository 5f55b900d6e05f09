using System.Text.Json;

namespace Backtest.Targets;

/// <summary>
/// The last key recorded for each partition of one target (<c>data/cache/last/&lt;target&gt;.json</c>). The record of
/// that key holds its ingredients, so <c>--plan</c> and the run log can diff them against the current ones and say
/// why an action must rerun. One file per target keeps an up-to-date check to a single read.
/// </summary>
internal sealed class TargetIndex
{
    private const string Format = "backtest.last/1";
    private readonly string _file;
    private readonly SortedDictionary<string, string> _keys;
    private readonly object _gate = new();
    private bool _dirty;

    private TargetIndex(string file, SortedDictionary<string, string> keys)
    {
        _file = file;
        _keys = keys;
    }

    /// <summary>Loads the index of <paramref name="target"/> (empty when absent or unreadable).</summary>
    public static TargetIndex Load(string cacheDirectory, string target)
    {
        var file = Path.Combine(cacheDirectory, "last", target + ".json");
        var keys = new SortedDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            if (File.Exists(file))
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(file));
                if (document.RootElement.TryGetProperty("format", out var format) && format.GetString() == Format)
                    foreach (var property in document.RootElement.GetProperty("partitions").EnumerateObject())
                        keys[property.Name] = property.Value.GetString() ?? "";
            }
        }
        catch (JsonException) { keys.Clear(); }
        catch (InvalidOperationException) { keys.Clear(); }
        catch (KeyNotFoundException) { keys.Clear(); }
        return new TargetIndex(file, keys);
    }

    /// <summary>The last key recorded for a partition, if any.</summary>
    public string? KeyOf(string partition)
    {
        lock (_gate) return _keys.GetValueOrDefault(partition);
    }

    /// <summary>Notes the key a partition now matches.</summary>
    public void Set(string partition, string key)
    {
        lock (_gate)
        {
            if (_keys.TryGetValue(partition, out var old) && old == key) return;
            _keys[partition] = key;
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
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                writer.WriteStartObject();
                writer.WriteString("format", Format);
                writer.WriteStartObject("partitions");
                foreach (var (partition, key) in _keys) writer.WriteString(partition, key);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            buffer.WriteByte((byte)'\n');
            bytes = buffer.ToArray();
            _dirty = false;
        }
        AtomicFile.WriteAllBytes(_file, bytes);
    }
}
