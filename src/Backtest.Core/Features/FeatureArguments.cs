namespace Backtest.Core.Features;

/// <summary>
/// A valid definition's parameter values with the operator's defaults filled in: what an operator's evaluation
/// reads, so a kernel never sees a missing key or a default spelled in two places.
/// </summary>
public sealed class FeatureArguments
{
    private readonly SortedDictionary<string, double> _values = new(StringComparer.Ordinal);

    internal FeatureArguments(FeatureOperator op, FeatureDefinition definition)
    {
        foreach (var parameter in op.Parameters)
        {
            if (definition.Parameters.TryGetValue(parameter.Name, out var value)) _values[parameter.Name] = value;
            else if (parameter.Default is { } fallback) _values[parameter.Name] = fallback;
            else throw new FeatureDefinitionException(definition.Id, parameter.Name, $"feature '{definition.Id}': missing field '{parameter.Name}' ({parameter.Doc})");
        }
    }

    /// <summary>Every parameter of the operator with its value, sorted by name.</summary>
    public IReadOnlyDictionary<string, double> Values => _values;

    /// <summary>An integer parameter (validated as integral and in range by the catalog).</summary>
    public int Integer(string name) => checked((int)_values[name]);

    /// <summary>A real parameter.</summary>
    public double Number(string name) => _values[name];

    /// <summary>A 0/1 parameter as a flag.</summary>
    public bool Flag(string name) => _values[name] != 0;
}
