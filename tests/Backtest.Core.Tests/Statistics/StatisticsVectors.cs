using System.Globalization;
using System.Text.Json;

namespace Backtest.Core.Tests.Statistics;

/// <summary>Reads the JSON test vectors under vectors/statistics (copied beside the test assembly); null stands for NaN.</summary>
internal static class StatisticsVectors
{
    /// <summary>The parsed root of vectors/statistics/<paramref name="file"/>.</summary>
    public static JsonElement Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "vectors", "statistics", file);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    }

    /// <summary>The case named <paramref name="name"/> in the "cases" array of a vector file.</summary>
    public static JsonElement Case(string file, string name)
    {
        foreach (var c in Load(file).GetProperty("cases").EnumerateArray())
            if (c.GetProperty("name").GetString() == name) return c;
        throw new InvalidOperationException($"no case '{name}' in vectors/statistics/{file}");
    }

    /// <summary>Case names of a vector file, for [MemberData].</summary>
    public static TheoryData<string> CaseNames(string file)
    {
        var data = new TheoryData<string>();
        foreach (var c in Load(file).GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    /// <summary>A number array, null → NaN.</summary>
    public static double[] Doubles(JsonElement array)
    {
        var result = new double[array.GetArrayLength()];
        var i = 0;
        foreach (var e in array.EnumerateArray()) result[i++] = e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble();
        return result;
    }

    /// <summary>An integer array.</summary>
    public static int[] Ints(JsonElement array)
    {
        var result = new int[array.GetArrayLength()];
        var i = 0;
        foreach (var e in array.EnumerateArray()) result[i++] = e.GetInt32();
        return result;
    }

    /// <summary>Invariant round-trip text of numbers, space separated, for feeding reference tools.</summary>
    public static string Format(ReadOnlySpan<double> values)
    {
        var parts = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
            parts[i] = double.IsNaN(values[i]) ? "nan" : values[i].ToString("R", CultureInfo.InvariantCulture);
        return string.Join(' ', parts);
    }

    /// <summary>Invariant text of integers, space separated.</summary>
    public static string Format(ReadOnlySpan<int> values)
    {
        var parts = new string[values.Length];
        for (var i = 0; i < values.Length; i++) parts[i] = values[i].ToString(CultureInfo.InvariantCulture);
        return string.Join(' ', parts);
    }

    /// <summary>
    /// Parses reference-tool output of lines "key v1 v2 …" (nan/NA/inf accepted) into arrays by key.
    /// </summary>
    public static Dictionary<string, double[]> ParseKeyed(string output)
    {
        var result = new Dictionary<string, double[]>();
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var values = new double[parts.Length - 1];
            for (var i = 1; i < parts.Length; i++) values[i - 1] = ParseNumber(parts[i]);
            result[parts[0]] = values;
        }
        return result;
    }

    private static double ParseNumber(string s) => s.ToLowerInvariant() switch
    {
        "nan" or "na" => double.NaN,
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
