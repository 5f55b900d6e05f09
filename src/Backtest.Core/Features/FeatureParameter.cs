using System.Globalization;

namespace Backtest.Core.Features;

/// <summary>
/// One operator parameter as the catalog describes it: the Lake reports spec errors from it ("window must be an
/// integer ≥ 2"), the JSON Schema is generated from it, and the computer fills defaults from it.
/// </summary>
/// <param name="Name">The YAML key.</param>
/// <param name="Kind">Integer or real.</param>
/// <param name="Doc">One line for editors and error messages.</param>
/// <param name="Default">The value when the spec omits the key; null makes the key required.</param>
/// <param name="Minimum">Smallest allowed value (inclusive unless <paramref name="MinimumExclusive"/>).</param>
/// <param name="Maximum">Largest allowed value (inclusive).</param>
/// <param name="MinimumExclusive">True when the minimum itself is not allowed (a scale must be &gt; 0).</param>
public sealed record FeatureParameter(
    string Name,
    FeatureParameterKind Kind,
    string Doc,
    double? Default,
    double Minimum,
    double Maximum,
    bool MinimumExclusive = false)
{
    /// <summary>True when a spec must write this key.</summary>
    public bool Required => Default is null;

    /// <summary>The allowed values in words: "an integer ≥ 2", "an integer from 2 to 100000", "0 or 1", "a number &gt; 0".</summary>
    public string RangeText
    {
        get
        {
            var what = Kind == FeatureParameterKind.Integer ? "an integer" : "a number";
            var min = Format(Minimum);
            if (double.IsPositiveInfinity(Maximum)) return $"{what} {(MinimumExclusive ? ">" : "≥")} {min}";
            if (Kind == FeatureParameterKind.Integer && Maximum - Minimum == 1 && !MinimumExclusive) return $"{min} or {Format(Maximum)}";
            return $"{what} from {min}{(MinimumExclusive ? " (exclusive)" : "")} to {Format(Maximum)}";
        }
    }

    /// <summary>Why <paramref name="value"/> is not allowed (the message the Lake shows at its line), or null.</summary>
    public string? Problem(double value)
    {
        var fits = double.IsFinite(value)
                   && (Kind != FeatureParameterKind.Integer || Math.Floor(value) == value)
                   && (MinimumExclusive ? value > Minimum : value >= Minimum)
                   && value <= Maximum;
        return fits ? null : $"{Name} must be {RangeText}, got {Format(value)}";
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
