using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Backtest.Core.Features;

/// <summary>
/// Generates the JSON Schema of <c>spec/features/*.yaml</c> from the operator catalog, so editors complete and check
/// specs while typing with exactly the rules the Lake enforces. The committed
/// <c>spec/schemas/features.schema.json</c> is this text; a test fails when the two drift.
/// </summary>
public static class FeatureSchema
{
    private const string NamePattern = "^[a-z][a-z0-9_]*$";

    /// <summary>The schema (JSON Schema draft-07, which yaml-language-server supports), indented, ending in a newline.</summary>
    public static string Generate(FeatureOperatorCatalog catalog)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            json.WriteString("title", "Backtest feature spec");
            json.WriteString("description",
                "spec/features/<id>.yaml: one feature, a named operator over bar fields or other features; the id is the file name stem. Generated from FeatureOperatorCatalog: do not edit by hand.");
            json.WriteString("type", "object");
            json.WriteStartArray("required");
            json.WriteStringValue("description");
            json.WriteStringValue("op");
            json.WriteEndArray();

            json.WriteStartObject("properties");
            json.WriteStartObject("description");
            json.WriteString("type", "string");
            json.WriteNumber("minLength", 1);
            json.WriteString("description", "What the feature measures, in the domain's words.");
            json.WriteEndObject();
            json.WriteStartObject("op");
            json.WriteString("description", "The operator.");
            json.WriteStartArray("enum");
            foreach (var name in catalog.Names) json.WriteStringValue(name);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartObject("of");
            json.WriteString("description", "Input: a bar field (open high low close volume quote_volume funding_rate open_interest) or a feature id; a list for multi-input operators.");
            json.WriteStartArray("oneOf");
            WriteName(json);
            json.WriteStartObject();
            json.WriteString("type", "array");
            json.WritePropertyName("items");
            WriteName(json);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("allOf");
            foreach (var op in catalog.Operators) WriteOperator(json, op);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteOperator(Utf8JsonWriter json, FeatureOperator op)
    {
        json.WriteStartObject();
        json.WriteStartObject("if");
        json.WriteStartObject("properties");
        json.WriteStartObject("op");
        json.WriteString("const", op.Name);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("required");
        json.WriteStringValue("op");
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartObject("then");
        json.WriteString("description", $"{op.Name}: {op.Doc}");
        json.WriteStartObject("properties");
        json.WriteBoolean("description", true);
        json.WriteBoolean("op", true);
        if (!op.Inputs.Fixed) WriteInputs(json, op.Inputs);
        foreach (var parameter in op.Parameters) WriteParameter(json, parameter);
        json.WriteEndObject();
        json.WriteStartArray("required");
        if (!op.Inputs.Fixed && op.Inputs.Defaults.Count == 0) json.WriteStringValue("of");
        foreach (var parameter in op.Parameters)
            if (parameter.Required) json.WriteStringValue(parameter.Name);
        json.WriteEndArray();
        json.WriteBoolean("additionalProperties", false);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInputs(Utf8JsonWriter json, FeatureInputs inputs)
    {
        json.WriteStartObject("of");
        var defaults = inputs.Defaults.Count == 0 ? "required" : $"default: {string.Join(", ", inputs.Defaults)}";
        json.WriteString("description", $"{string.Join(", ", inputs.Roles)} ({defaults})");
        if (inputs.Count == 1)
        {
            json.WriteString("type", "string");
            json.WriteString("pattern", NamePattern);
        }
        else
        {
            json.WriteString("type", "array");
            json.WritePropertyName("items");
            WriteName(json);
            json.WriteNumber("minItems", inputs.Count);
            json.WriteNumber("maxItems", inputs.Count);
        }
        json.WriteEndObject();
    }

    private static void WriteParameter(Utf8JsonWriter json, FeatureParameter parameter)
    {
        json.WriteStartObject(parameter.Name);
        json.WriteString("description", $"{parameter.Doc} ({parameter.RangeText})");
        json.WriteString("type", parameter.Kind == FeatureParameterKind.Integer ? "integer" : "number");
        json.WriteNumber(parameter.MinimumExclusive ? "exclusiveMinimum" : "minimum", parameter.Minimum);
        if (!double.IsPositiveInfinity(parameter.Maximum)) json.WriteNumber("maximum", parameter.Maximum);
        if (parameter.Default is { } fallback) json.WriteNumber("default", fallback);
        json.WriteEndObject();
    }

    private static void WriteName(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("type", "string");
        json.WriteString("pattern", NamePattern);
        json.WriteEndObject();
    }
}
