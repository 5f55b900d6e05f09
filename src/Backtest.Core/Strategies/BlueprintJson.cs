using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Backtest.Core.Strategies;

/// <summary>
/// Blueprint (de)serialisation with System.Text.Json: snake_case keys, enums as snake_case strings, properties in
/// declaration order, absent optional keys omitted, two-space indentation and "\n" line ends, so equal blueprints
/// give equal bytes. Reading is strict: unknown keys, missing required keys and nulls for required values are
/// errors with line and column. Semantic checks are <see cref="BlueprintValidator"/>'s.
/// </summary>
public static partial class BlueprintJson
{
    /// <summary>The options both directions use (immutable once first used).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowOutOfOrderMetadataProperties = true,
            WriteIndented = true,
            IndentSize = 2,
            NewLine = "\n",
            NumberHandling = JsonNumberHandling.Strict,
            // expressions hold < > &: keep them readable; blueprints are never embedded in HTML unescaped
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new TimeframeJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>The blueprint as indented JSON with a final newline.</summary>
    public static string Serialize(Blueprint blueprint) => JsonSerializer.Serialize(blueprint, Options) + "\n";

    /// <summary>
    /// Parses blueprint JSON; throws <see cref="BlueprintFormatException"/> (with line, column and JSON path) when the
    /// text does not have the blueprint's shape. Does not validate values: call <see cref="BlueprintValidator.EnsureValid"/>.
    /// </summary>
    public static Blueprint Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Blueprint>(json, Options)
                   ?? throw new BlueprintFormatException("$", 1, 1, "the document is null; a blueprint is a JSON object");
        }
        catch (JsonException e)
        {
            throw new BlueprintFormatException(e.Path ?? "$", (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1, Describe(e), e);
        }
        catch (NotSupportedException e) when (Position().Match(e.Message) is { Success: true } at)
        {
            // a sizing object without "kind": System.Text.Json reports it as unsupported, with the position in the text
            throw new BlueprintFormatException(at.Groups[1].Value, long.Parse(at.Groups[2].Value) + 1, long.Parse(at.Groups[3].Value) + 1,
                "sizing needs \"kind\": one of fixed_units, fixed_notional, risk_budget", e);
        }
    }

    /// <summary>Parses then validates: the one call loaders need.</summary>
    public static Blueprint Load(string json) => BlueprintValidator.EnsureValid(Deserialize(json));

    /// <summary>Rewrites System.Text.Json's type-centred messages into the blueprint's own vocabulary (keys, not .NET types).</summary>
    private static string Describe(JsonException e)
    {
        var message = e.Message;
        if (UnmappedKey().Match(message) is { Success: true } unmapped)
            return $"unknown key '{unmapped.Groups[1].Value}': check its spelling against spec/schemas/blueprint.schema.json";
        if (MissingKeys().Match(message) is { Success: true } missing)
            return $"missing required key {missing.Groups[1].Value}";
        if (NullForRequired().IsMatch(message))
            return "null is not allowed here: give a value or remove an optional key";
        if (message.Contains("type discriminator", StringComparison.OrdinalIgnoreCase) || message.Contains("abstract", StringComparison.OrdinalIgnoreCase))
            return "sizing needs \"kind\": one of fixed_units, fixed_notional, risk_budget";
        if (message.Contains("could not be converted", StringComparison.Ordinal) && e.Path is { } path && EnumValues.TryGetValue(path, out var values))
            return $"not a valid value: use {values}";
        if (message.Contains("could not be converted", StringComparison.Ordinal))
            return "wrong type or unknown value: see spec/schemas/blueprint.schema.json for what this key accepts";
        if (e.InnerException is null && !message.Contains("System.", StringComparison.Ordinal) && !message.Contains("Backtest.", StringComparison.Ordinal))
            return message.Split(" Path:", 2)[0].TrimEnd('.');
        return "malformed JSON: " + message.Split(" Path:", 2)[0].TrimEnd('.');
    }

    [GeneratedRegex(@"The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedKey();

    [GeneratedRegex(@"missing required properties including: (.*)\.", RegexOptions.Singleline)]
    private static partial Regex MissingKeys();

    [GeneratedRegex(@"Path: (\S+) \| LineNumber: (\d+) \| BytePositionInLine: (\d+)")]
    private static partial Regex Position();

    private static readonly Dictionary<string, string> EnumValues = new(StringComparer.Ordinal)
    {
        ["$.market"] = "perp or spot",
        ["$.direction"] = "long or short",
        ["$.entry.order"] = "next_open",
    };

    [GeneratedRegex("doesn't allow null|cannot be null|null value", RegexOptions.IgnoreCase)]
    private static partial Regex NullForRequired();
}
