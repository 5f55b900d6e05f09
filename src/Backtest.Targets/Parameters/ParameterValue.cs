using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Backtest.Targets;

/// <summary>
/// The canonical text of a parameter value for <see cref="BuildAction.Parameters"/>: the same value always gives
/// the same text (invariant culture, round-trip numbers, enum names, arrays as JSON), so keys are stable.
/// </summary>
public static class ParameterValue
{
    /// <summary>Canonical text of <paramref name="value"/>.</summary>
    public static string Canonical(object? value) => value switch
    {
        null => "null",
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable when value.GetType().IsPrimitive || value is decimal => formattable.ToString(null, CultureInfo.InvariantCulture),
        Enum enumeration => enumeration.ToString(),
        IEnumerable sequence => JsonArray(sequence),
        _ => value.ToString() ?? "",
    };

    private static string JsonArray(IEnumerable sequence)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var item in sequence) writer.WriteStringValue(Canonical(item));
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
