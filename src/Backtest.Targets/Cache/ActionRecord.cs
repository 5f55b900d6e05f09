using System.Text.Encodings.Web;
using System.Text.Json;

namespace Backtest.Targets;

/// <summary>
/// The result of one action run, stored as <c>data/cache/actions/&lt;key&gt;.json</c>: the outputs by content hash
/// (so they can be checked and restored), the key's ingredients (so later runs can explain a rerun), the action's
/// info line and its duration. Identical runs give byte-identical records apart from the duration.
/// </summary>
public sealed record ActionRecord
{
    /// <summary>Bumped when the record layout changes.</summary>
    public const string CurrentFormat = "backtest.record/1";

    /// <summary>The action key this record answers.</summary>
    public required string Key { get; init; }

    /// <summary>The action's target.</summary>
    public required string Target { get; init; }

    /// <summary>The action's partition.</summary>
    public required string Partition { get; init; }

    /// <summary>Every output, sorted by path.</summary>
    public required IReadOnlyList<RecordedOutput> Outputs { get; init; }

    /// <summary>The action's short result text, if any.</summary>
    public string? Info { get; init; }

    /// <summary>How long the run took, in milliseconds.</summary>
    public long DurationMs { get; init; }

    internal KeyIngredients? Ingredients { get; init; }

    private static readonly JsonWriterOptions Pretty = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>The record's file content (LF line ends, trailing newline).</summary>
    internal byte[] ToJson()
    {
        using var buffer = new MemoryStream(1024);
        using (var writer = new Utf8JsonWriter(buffer, Pretty))
        {
            writer.WriteStartObject();
            writer.WriteString("format", CurrentFormat);
            writer.WriteString("key", Key);
            writer.WriteString("target", Target);
            writer.WriteString("partition", Partition);
            writer.WritePropertyName("outputs");
            writer.WriteStartArray();
            foreach (var output in Outputs)
            {
                writer.WriteStartObject();
                writer.WriteString("path", output.Path);
                writer.WriteString("sha256", output.Sha256);
                writer.WriteNumber("bytes", output.Bytes);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            if (Info is not null) writer.WriteString("info", Info);
            if (Ingredients is not null)
            {
                writer.WritePropertyName("ingredients");
                Ingredients.WriteTo(writer);
            }
            writer.WriteNumber("duration_ms", DurationMs);
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Parses a record file; null when it is not a record of the current format.</summary>
    internal static ActionRecord? FromJson(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("format", out var format) || format.GetString() != CurrentFormat)
            return null;
        var outputs = new List<RecordedOutput>();
        foreach (var item in root.GetProperty("outputs").EnumerateArray())
            outputs.Add(new RecordedOutput(item.GetProperty("path").GetString()!, item.GetProperty("sha256").GetString()!, item.GetProperty("bytes").GetInt64()));
        return new ActionRecord
        {
            Key = root.GetProperty("key").GetString()!,
            Target = root.GetProperty("target").GetString()!,
            Partition = root.GetProperty("partition").GetString()!,
            Outputs = outputs,
            Info = root.TryGetProperty("info", out var info) ? info.GetString() : null,
            DurationMs = root.TryGetProperty("duration_ms", out var duration) ? duration.GetInt64() : 0,
            Ingredients = root.TryGetProperty("ingredients", out var ingredients) ? KeyIngredients.FromJson(ingredients) : null,
        };
    }
}
