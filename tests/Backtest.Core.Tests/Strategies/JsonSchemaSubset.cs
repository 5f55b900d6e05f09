using System.Text.Json;
using System.Text.RegularExpressions;

namespace Backtest.Core.Tests.Strategies;

/// <summary>
/// A validator for the JSON Schema keywords spec/schemas/*.schema.json use (type, properties, required,
/// additionalProperties, enum, const, minimum, exclusiveMinimum, maximum, pattern, minLength, oneOf, $ref to $defs),
/// written from the 2020-12 specification so the schema is checked independently of System.Text.Json's reader.
/// Unknown keywords fail loudly, so the schema cannot silently grow past what this checks.
/// </summary>
internal sealed class JsonSchemaSubset(JsonElement root)
{
    private static readonly HashSet<string> Known =
    [
        "$schema", "$id", "$defs", "title", "description", "type", "properties", "required", "additionalProperties",
        "enum", "const", "minimum", "exclusiveMinimum", "maximum", "pattern", "minLength", "oneOf", "$ref",
    ];

    /// <summary>Every violation as "path: problem"; empty when <paramref name="instance"/> is valid.</summary>
    public List<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
            if (!Known.Contains(keyword.Name)) throw new NotSupportedException($"schema keyword '{keyword.Name}' at {path} is not checked by this validator");

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!;
            if (!name.StartsWith("#/$defs/", StringComparison.Ordinal)) throw new NotSupportedException($"only #/$defs refs: {name}");
            Check(root.GetProperty("$defs").GetProperty(name["#/$defs/".Length..]), value, path, errors);
        }
        if (schema.TryGetProperty("type", out var type) && !HasType(value, type.GetString()!))
        {
            errors.Add($"{path}: expected {type.GetString()}, got {value.ValueKind}");
            return;
        }
        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
            errors.Add($"{path}: {value.GetRawText()} is not one of {options.GetRawText()}");
        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
            errors.Add($"{path}: must be {constant.GetRawText()}");
        if (value.ValueKind == JsonValueKind.Number)
        {
            var x = value.GetDouble();
            if (schema.TryGetProperty("minimum", out var min) && x < min.GetDouble()) errors.Add($"{path}: {x} < minimum {min.GetDouble()}");
            if (schema.TryGetProperty("maximum", out var max) && x > max.GetDouble()) errors.Add($"{path}: {x} > maximum {max.GetDouble()}");
            if (schema.TryGetProperty("exclusiveMinimum", out var xmin) && x <= xmin.GetDouble()) errors.Add($"{path}: {x} ≤ exclusiveMinimum {xmin.GetDouble()}");
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            var s = value.GetString()!;
            if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(s, pattern.GetString()!)) errors.Add($"{path}: '{s}' does not match {pattern.GetString()}");
            if (schema.TryGetProperty("minLength", out var minLength) && s.Length < minLength.GetInt32()) errors.Add($"{path}: shorter than {minLength.GetInt32()}");
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            if (schema.TryGetProperty("required", out var required))
                foreach (var r in required.EnumerateArray())
                    if (!value.TryGetProperty(r.GetString()!, out _)) errors.Add($"{path}: missing required '{r.GetString()}'");
            foreach (var member in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(member.Name, out var sub))
                    Check(sub, member.Value, $"{path}.{member.Name}", errors);
                else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
                    errors.Add($"{path}: unknown key '{member.Name}'");
            }
        }
        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var matches = oneOf.EnumerateArray().Count(branch =>
            {
                var branchErrors = new List<string>();
                Check(branch, value, path, branchErrors);
                return branchErrors.Count == 0;
            });
            if (matches != 1) errors.Add($"{path}: matches {matches} of the oneOf branches, must match exactly one");
        }
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && Math.Floor(value.GetDouble()) == value.GetDouble(),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"type '{type}'"),
    };
}
