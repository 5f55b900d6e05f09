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

    /// <summary>
    /// Parses a record file; null when it is not a record of the current format. Deciding up-to-dateness needs only
    /// the outputs, so the ingredients are skipped unless asked for (thousands of records are read per run).
    /// </summary>
    internal static ActionRecord? FromJson(ReadOnlySpan<byte> json, bool withIngredients = true)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        string? format = null, key = null, target = null, partition = null, info = null;
        long duration = 0;
        List<RecordedOutput>? outputs = null;
        KeyIngredients? ingredients = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("outputs"u8))
            {
                reader.Read();
                outputs = [];
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    string? path = null, sha = null;
                    long bytes = 0;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var name = reader.ValueTextEquals("path"u8) ? 1 : reader.ValueTextEquals("sha256"u8) ? 2 : reader.ValueTextEquals("bytes"u8) ? 3 : 0;
                        reader.Read();
                        switch (name)
                        {
                            case 1: path = reader.GetString(); break;
                            case 2: sha = reader.GetString(); break;
                            case 3: bytes = reader.GetInt64(); break;
                            default: reader.Skip(); break;
                        }
                    }
                    if (path is null || sha is null) return null;
                    outputs.Add(new RecordedOutput(path, sha, bytes));
                }
                continue;
            }
            if (reader.ValueTextEquals("ingredients"u8))
            {
                reader.Read();
                if (withIngredients)
                {
                    using var document = JsonDocument.ParseValue(ref reader);
                    ingredients = KeyIngredients.FromJson(document.RootElement);
                }
                else reader.Skip();
                continue;
            }
            var field = reader.ValueTextEquals("format"u8) ? 1 : reader.ValueTextEquals("key"u8) ? 2 : reader.ValueTextEquals("target"u8) ? 3
                : reader.ValueTextEquals("partition"u8) ? 4 : reader.ValueTextEquals("info"u8) ? 5 : reader.ValueTextEquals("duration_ms"u8) ? 6 : 0;
            reader.Read();
            switch (field)
            {
                case 1: format = reader.GetString(); break;
                case 2: key = reader.GetString(); break;
                case 3: target = reader.GetString(); break;
                case 4: partition = reader.GetString(); break;
                case 5: info = reader.GetString(); break;
                case 6: duration = reader.GetInt64(); break;
                default: reader.Skip(); break;
            }
        }
        if (format != CurrentFormat || key is null || target is null || partition is null || outputs is null) return null;
        return new ActionRecord
        {
            Key = key,
            Target = target,
            Partition = partition,
            Outputs = outputs,
            Info = info,
            DurationMs = duration,
            Ingredients = ingredients,
        };
    }
}
