using System.Globalization;
using System.Text.Json;

namespace Backtest.Core.Tests.Expressions;

/// <summary>
/// Reads the DuckDB-style vector files under vectors/expressions: adding a case means adding JSON, not code.
/// Numbers may be JSON numbers or the strings "NaN", "Infinity", "-Infinity".
/// </summary>
internal static class ExpressionVectorFile
{
    /// <summary>The folder the test project copies vectors/expressions to.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "vectors", "expressions");

    /// <summary>The parsed JSON document of <paramref name="fileName"/> inside <paramref name="folder"/>.</summary>
    public static JsonElement Load(string folder, string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, fileName)));
        return document.RootElement.Clone();
    }

    /// <summary>A case's display name: its "name", else its source text.</summary>
    public static string CaseName(JsonElement c) =>
        c.TryGetProperty("name", out var name) ? name.GetString()! : c.GetProperty("source").GetString()!;

    /// <summary>(file, case name) rows for xunit MemberData, over every *.json in <paramref name="folder"/>.</summary>
    public static IEnumerable<object[]> Cases(string folder)
    {
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            foreach (var c in Load(folder, file).GetProperty("cases").EnumerateArray())
                yield return [file, CaseName(c)];
        }
    }

    /// <summary>The case named <paramref name="name"/> in <paramref name="file"/>, and the file's shared element.</summary>
    public static (JsonElement Case, JsonElement File) Find(string folder, string file, string name)
    {
        var root = Load(folder, file);
        var matches = root.GetProperty("cases").EnumerateArray().Where(c => CaseName(c) == name).ToArray();
        Assert.True(matches.Length == 1, $"{file}: case names must be unique, '{name}' appears {matches.Length} times");
        return (matches[0], root);
    }

    /// <summary>A number from a JSON number or a NaN/Infinity string.</summary>
    public static double Number(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? double.Parse(e.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
        : e.GetDouble();

    /// <summary>An array of numbers (see <see cref="Number"/>).</summary>
    public static double[] Numbers(JsonElement e) => e.EnumerateArray().Select(Number).ToArray();

    /// <summary>An array of strings.</summary>
    public static string[] Strings(JsonElement e) => e.EnumerateArray().Select(x => x.GetString()!).ToArray();

    /// <summary>Named columns of a "columns" object.</summary>
    public static Dictionary<string, double[]> Columns(JsonElement e) =>
        e.EnumerateObject().ToDictionary(p => p.Name, p => Numbers(p.Value), StringComparer.Ordinal);
}
