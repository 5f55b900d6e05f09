using System.Text.Json;
using System.Text.Json.Serialization;

namespace Backtest.Lake.Files;

/// <summary>
/// The one JSON dialect of the lake and reports: snake_case, indented, declaration-ordered properties,
/// shortest round-trip numbers, NaN/Infinity as named literals. Same object → same bytes.
/// </summary>
public static class LakeJson
{
    /// <summary>The shared serializer options.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NewLine = "\n",
    };

    /// <summary>Compact options for one-record-per-line files (jsonl).</summary>
    public static readonly JsonSerializerOptions Line = new(Options) { WriteIndented = false };

    /// <summary>Serialises <paramref name="value"/> (with a trailing newline).</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";

    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/> (a runner temp path or via <see cref="AtomicFile"/>).</summary>
    public static void Write<T>(string path, T value) => File.WriteAllText(path, Serialize(value));

    /// <summary>Writes <paramref name="value"/> atomically.</summary>
    public static void WriteAtomic<T>(string path, T value) => AtomicFile.WriteAllText(path, Serialize(value));

    /// <summary>Reads a JSON file into <typeparamref name="T"/>; a malformed file names itself.</summary>
    public static T Read<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path}: empty JSON");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON for {typeof(T).Name}: {e.Message}", e);
        }
    }

    /// <summary>Writes records one per line (stable order as given).</summary>
    public static string Lines<T>(IEnumerable<T> records) =>
        string.Concat(records.Select(r => JsonSerializer.Serialize(r, Line) + "\n"));
}
