using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Backtest.Core.Strategies;
using Backtest.Core.Time;
using Backtest.Testing;

namespace Backtest.Core.Tests.Strategies;

/// <summary>spec/schemas/blueprint.schema.json and the Blueprint records must describe the same documents.</summary>
public sealed class BlueprintSchemaTests
{
    private static readonly JsonDocument Schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "spec", "schemas", "blueprint.schema.json")));

    private static JsonElement Resolve(JsonElement node) =>
        node.TryGetProperty("$ref", out var r) ? Schema.RootElement.GetProperty("$defs").GetProperty(r.GetString()!["#/$defs/".Length..]) : node;

    [Fact]
    public void Every_record_property_is_in_the_schema_with_its_type_and_requiredness()
    {
        var mismatches = new List<string>();
        CompareObject(typeof(Blueprint), Schema.RootElement, "$", mismatches);
        Assert.Empty(mismatches);
    }

    [Theory]
    [MemberData(nameof(BlueprintJsonTests.ValidBlueprints), MemberType = typeof(BlueprintJsonTests))]
    public void Valid_blueprints_satisfy_the_schema(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(BlueprintJsonTests.VectorPath("blueprints", file)));
        Assert.Empty(new JsonSchemaSubset(Schema.RootElement).Validate(doc.RootElement));
    }

    [Theory]
    [InlineData("unknown_key", "$.exit: unknown key 'stop_los_atr'")]
    [InlineData("missing_symbol", "$: missing required 'symbol'")]
    [InlineData("bad_direction", "$.direction: \"up\" is not one of [\"long\", \"short\"]")]
    [InlineData("negative_units", "$.sizing: matches 0 of the oneOf branches, must match exactly one")]
    [InlineData("sizing_without_kind", "$.sizing: matches 0 of the oneOf branches, must match exactly one")]
    public void Documents_the_reader_rejects_for_shape_the_schema_rejects_too(string name, string expected)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(BlueprintJsonTests.VectorPath("blueprint_errors", name + ".json")));
        Assert.Contains(expected, new JsonSchemaSubset(Schema.RootElement).Validate(doc.RootElement));
    }

    private void CompareObject(Type type, JsonElement schemaNode, string path, List<string> mismatches)
    {
        var node = Resolve(schemaNode);
        if (type == typeof(Sizing))
        {
            CompareSizing(node, path, mismatches);
            return;
        }
        var info = BlueprintJson.Options.GetTypeInfo(type);
        var properties = node.GetProperty("properties");
        var required = node.TryGetProperty("required", out var req) ? req.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [];
        if (!node.TryGetProperty("additionalProperties", out var additional) || additional.ValueKind != JsonValueKind.False)
            mismatches.Add($"{path}: schema must say additionalProperties: false (the reader rejects unknown keys)");
        var schemaNames = properties.EnumerateObject().Select(p => p.Name).Where(n => n != "kind").ToHashSet();
        var recordNames = info.Properties.Select(p => p.Name).ToHashSet();
        foreach (var missing in recordNames.Except(schemaNames)) mismatches.Add($"{path}.{missing}: in the record, not in the schema");
        foreach (var extra in schemaNames.Except(recordNames)) mismatches.Add($"{path}.{extra}: in the schema, not in the record");
        var parameters = type.GetConstructors().Single(c => c.GetParameters().Length == info.Properties.Count).GetParameters();
        foreach (var property in info.Properties)
        {
            if (!properties.TryGetProperty(property.Name, out var sub)) continue;
            var parameter = parameters.Single(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name!) == property.Name);
            var isRequired = !parameter.HasDefaultValue;
            if (isRequired != required.Contains(property.Name))
                mismatches.Add($"{path}.{property.Name}: record says {(isRequired ? "required" : "optional")}, schema says {(required.Contains(property.Name) ? "required" : "optional")}");
            CompareValue(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, sub, $"{path}.{property.Name}", mismatches);
        }
    }

    private void CompareValue(Type type, JsonElement schemaNode, string path, List<string> mismatches)
    {
        var node = Resolve(schemaNode);
        string? expectedType = type == typeof(string) || type == typeof(Timeframe) ? "string"
            : type == typeof(int) || type == typeof(long) ? "integer"
            : type == typeof(double) ? "number" : null;
        if (expectedType is not null)
        {
            var actual = node.TryGetProperty("type", out var t) ? t.GetString() : "(none)";
            if (actual != expectedType) mismatches.Add($"{path}: record type {type.Name} needs schema type {expectedType}, schema has {actual}");
        }
        else if (type.IsEnum)
        {
            var names = Enum.GetNames(type).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName).ToList();
            var schemaNames = node.TryGetProperty("enum", out var e) ? e.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
            if (!names.SequenceEqual(schemaNames)) mismatches.Add($"{path}: enum {type.Name} is [{string.Join(", ", names)}], schema has [{string.Join(", ", schemaNames)}]");
        }
        else CompareObject(type, node, path, mismatches);
    }

    private void CompareSizing(JsonElement node, string path, List<string> mismatches)
    {
        var derived = typeof(Sizing).GetCustomAttributes<JsonDerivedTypeAttribute>().ToDictionary(a => (string)a.TypeDiscriminator!, a => a.DerivedType);
        var branches = node.GetProperty("oneOf").EnumerateArray().Select(Resolve).ToList();
        var kinds = branches.Select(b => b.GetProperty("properties").GetProperty("kind").GetProperty("const").GetString()!).ToList();
        if (!kinds.Order().SequenceEqual(derived.Keys.Order())) mismatches.Add($"{path}: sizing kinds [{string.Join(", ", derived.Keys)}] vs schema [{string.Join(", ", kinds)}]");
        foreach (var (kind, branch) in kinds.Zip(branches))
        {
            if (!derived.TryGetValue(kind, out var type)) continue;
            if (!branch.GetProperty("required").EnumerateArray().Any(r => r.GetString() == "kind")) mismatches.Add($"{path}[{kind}]: kind must be required");
            CompareObject(type, branch, $"{path}[{kind}]", mismatches);
        }
    }
}
