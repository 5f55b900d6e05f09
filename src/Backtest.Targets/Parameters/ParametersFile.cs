using System.Text;
using System.Text.Json;

namespace Backtest.Targets;

/// <summary>
/// <c>.nuke/parameters.json</c>: committed default parameter values (<c>"$schema": "./build.schema.json"</c> lets
/// editors complete and check it). Values keep their line and column so errors can point at them.
/// </summary>
internal sealed class ParametersFile
{
    private readonly Dictionary<string, Entry> _entries;

    private ParametersFile(string path, Dictionary<string, Entry> entries)
    {
        Path = path;
        _entries = entries;
    }

    /// <summary>Where the file is (it may not exist).</summary>
    public string Path { get; }

    /// <summary>Every entry except <c>$schema</c>, keyed by matching key.</summary>
    public IReadOnlyDictionary<string, Entry> Entries => _entries;

    /// <summary>Reads the file of <paramref name="rootDirectory"/>; an absent file has no entries.</summary>
    public static ParametersFile Load(string rootDirectory)
    {
        var path = System.IO.Path.Combine(rootDirectory, ".nuke", "parameters.json");
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (!File.Exists(path)) return new ParametersFile(path, entries);
        var bytes = File.ReadAllBytes(path);
        var display = ".nuke/parameters.json";
        try
        {
            var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
            var reader = new Utf8JsonReader(bytes, options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new ParameterException($"{display} line 1, column 1: expected a JSON object of parameter names to values.");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                var (line, column) = Position(bytes, (int)reader.TokenStartIndex);
                reader.Read();
                var values = ReadValues(ref reader, $"{display} line {line}, column {column}", name);
                if (name == "$schema") continue;
                var key = ParameterNames.Key(name);
                if (!entries.TryAdd(key, new Entry(name, values, line, column)))
                    throw new ParameterException($"{display} line {line}, column {column}: parameter '{name}' is given twice.");
            }
        }
        catch (JsonException exception)
        {
            throw new ParameterException($"{display} line {(exception.LineNumber ?? 0) + 1}, column {(exception.BytePositionInLine ?? 0) + 1}: not valid JSON ({exception.Message.Split(" Path:")[0].Split(" LineNumber:")[0]}).");
        }
        return new ParametersFile(path, entries);
    }

    private static List<string>? ReadValues(ref Utf8JsonReader reader, string where, string name)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return null;
            case JsonTokenType.StartArray:
                var list = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    list.Add(Scalar(ref reader, where, name));
                return list;
            case JsonTokenType.StartObject:
                throw new ParameterException($"{where}: parameter '{name}' has an object value; use a string, number, boolean or array.");
            default:
                return [Scalar(ref reader, where, name)];
        }
    }

    private static string Scalar(ref Utf8JsonReader reader, string where, string name) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => throw new ParameterException($"{where}: parameter '{name}' has a {reader.TokenType} value; use a string, number, boolean or array of them."),
    };

    private static (int Line, int Column) Position(byte[] bytes, int offset)
    {
        int line = 1, column = 1;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n') { line++; column = 1; }
            else if ((bytes[i] & 0xC0) != 0x80) column++;
        }
        return (line, column);
    }

    /// <summary>One parameter value as written in the file (null value = not set).</summary>
    internal sealed record Entry(string Name, IReadOnlyList<string>? Values, int Line, int Column);
}
