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
        IEnumerable sequence => JsonSerializer.Serialize(sequence.Cast<object?>().Select(Canonical).ToArray(), ParameterValueJson.Default.StringArray),
        _ => value.ToString() ?? "",
    };
}
