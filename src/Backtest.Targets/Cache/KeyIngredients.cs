using System.Buffers;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Backtest.Targets;

/// <summary>
/// Everything an action key hashes: format, target, partition, code (assembly → module version id), parameters,
/// specs (path → digest), inputs (path → content hash) and extra digests. Serialised as canonical JSON (keys sorted
/// ordinally, no whitespace) so the key depends on content only: not on declaration order, root path or platform.
/// The same object is kept in each record, so a later run can say in plain words why an action must rerun.
/// </summary>
internal sealed class KeyIngredients
{
    /// <summary>Bumped when the key recipe changes, so old records stop matching instead of matching wrongly.</summary>
    public const string CurrentFormat = "backtest.action/1";

    private static readonly JsonWriterOptions CanonicalWriter = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public string Format { get; init; } = CurrentFormat;
    public required string Target { get; init; }
    public required string Partition { get; init; }
    public SortedDictionary<string, string> Code { get; init; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, string> Params { get; init; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, string> Specs { get; init; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, string> Inputs { get; init; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, string> Extra { get; init; } = new(StringComparer.Ordinal);

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <summary>The canonical UTF-8 JSON the key hashes.</summary>
    public byte[] ToCanonicalJson() => Canonical().ToArray();

    /// <summary>The action key: lowercase hex SHA-256 of the canonical JSON.</summary>
    public string ComputeKey()
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Canonical(), hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Writes the canonical JSON into a per-thread buffer (keys are computed for thousands of actions per run).</summary>
    private ReadOnlySpan<byte> Canonical()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, CanonicalWriter);
        writer.Reset(buffer);
        WriteTo(writer);
        writer.Flush();
        return buffer.WrittenSpan;
    }

    /// <summary>Writes the canonical object (members in ordinal order).</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        WriteMap(writer, "code", Code);
        WriteMap(writer, "extra", Extra);
        writer.WriteString("format", Format);
        WriteMap(writer, "inputs", Inputs);
        WriteMap(writer, "params", Params);
        writer.WriteString("partition", Partition);
        WriteMap(writer, "specs", Specs);
        writer.WriteString("target", Target);
        writer.WriteEndObject();
    }

    /// <summary>Reads the object written by <see cref="WriteTo"/>.</summary>
    public static KeyIngredients FromJson(JsonElement element) => new()
    {
        Format = element.GetProperty("format").GetString() ?? "",
        Target = element.GetProperty("target").GetString() ?? "",
        Partition = element.GetProperty("partition").GetString() ?? "",
        Code = ReadMap(element, "code"),
        Params = ReadMap(element, "params"),
        Specs = ReadMap(element, "specs"),
        Inputs = ReadMap(element, "inputs"),
        Extra = ReadMap(element, "extra"),
    };

    /// <summary>Why this key differs from <paramref name="previous"/>, in plain words ("changed spec: spec/x.yaml").</summary>
    public IReadOnlyList<string> DescribeChangesSince(KeyIngredients previous)
    {
        var reasons = new List<string>();
        if (previous.Format != Format) reasons.Add($"changed cache format ({previous.Format} → {Format})");
        var code = ChangedKeys(previous.Code, Code);
        if (code.Count > 0) reasons.Add("changed code: " + string.Join(", ", code));
        foreach (var name in ChangedKeys(previous.Params, Params))
            reasons.Add($"changed parameter: {name} ({Show(previous.Params, name)} → {Show(Params, name)})");
        foreach (var path in ChangedKeys(previous.Specs, Specs))
            reasons.Add(Describe("spec", path, previous.Specs, Specs));
        foreach (var path in ChangedKeys(previous.Inputs, Inputs))
            reasons.Add(Describe("input", path, previous.Inputs, Inputs));
        foreach (var name in ChangedKeys(previous.Extra, Extra))
            reasons.Add($"changed {name}");
        return reasons;
    }

    private static string Describe(string kind, string path, SortedDictionary<string, string> before, SortedDictionary<string, string> now) =>
        !before.ContainsKey(path) ? $"new {kind}: {path}"
        : !now.ContainsKey(path) ? $"dropped {kind}: {path}"
        : $"changed {kind}: {path}";

    private static string Show(SortedDictionary<string, string> map, string name) =>
        map.TryGetValue(name, out var value) ? value : "unset";

    private static List<string> ChangedKeys(SortedDictionary<string, string> before, SortedDictionary<string, string> now)
    {
        var changed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in now)
            if (!before.TryGetValue(key, out var old) || old != value) changed.Add(key);
        foreach (var key in before.Keys)
            if (!now.ContainsKey(key)) changed.Add(key);
        return [.. changed];
    }

    private static void WriteMap(Utf8JsonWriter writer, string name, SortedDictionary<string, string> map)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in map) writer.WriteString(key, value);
        writer.WriteEndObject();
    }

    private static SortedDictionary<string, string> ReadMap(JsonElement element, string name)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty(name, out var obj) && obj.ValueKind == JsonValueKind.Object)
            foreach (var property in obj.EnumerateObject())
                map[property.Name] = property.Value.GetString() ?? "";
        return map;
    }
}
