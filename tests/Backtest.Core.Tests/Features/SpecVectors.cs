using System.Text.Json;
using Backtest.Core.Features;

namespace Backtest.Core.Tests.Features;

/// <summary>Reads feature definitions written as JSON objects in the vector files.</summary>
internal static class SpecVectors
{
    public static JsonElement[] Cases(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(FeatureTestData.VectorPath(file)));
        return [.. doc.RootElement.GetProperty("cases").EnumerateArray().Select(e => e.Clone())];
    }

    public static FeatureDefinition Definition(JsonElement e, string? id = null) => new(
        id ?? e.GetProperty("id").GetString()!,
        e.GetProperty("op").GetString()!,
        e.TryGetProperty("of", out var of) ? of.EnumerateArray().Select(v => v.GetString()!) : null,
        e.TryGetProperty("params", out var p) ? p.EnumerateObject().Select(kv => KeyValuePair.Create(kv.Name, kv.Value.GetDouble())) : null,
        e.TryGetProperty("description", out var d) ? d.GetString()! : $"test feature {id ?? e.GetProperty("id").GetString()}");
}
