using Backtest.Core.Bars;

namespace Backtest.Core.Expressions;

/// <summary>
/// The columns an expression sees for one symbol: the bar fields of a <see cref="BarFrame"/> by their
/// expression names (see <see cref="BarFrame.FieldNames"/>) plus feature columns by id. A feature may not
/// shadow a bar field, so `close` always means the bar's close.
/// </summary>
public sealed class BarFrameColumns : IColumnSource
{
    private readonly BarFrame _bars;
    private readonly Dictionary<string, double[]> _features;

    /// <summary>Combines <paramref name="bars"/> with <paramref name="features"/> (feature id → values per bar).</summary>
    public BarFrameColumns(BarFrame bars, IReadOnlyDictionary<string, double[]> features)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(features);
        foreach (var (id, values) in features)
        {
            if (bars.Field(id) is not null)
                throw new ArgumentException($"feature '{id}' has the name of a bar field; rename the feature", nameof(features));
            if (values.Length != bars.Count)
                throw new ArgumentException($"feature '{id}' has {values.Length} values but the bars have {bars.Count}", nameof(features));
        }
        _bars = bars;
        _features = new Dictionary<string, double[]>(features, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public bool TryGetColumn(string identifier, out ReadOnlySpan<double> column)
    {
        if (_bars.Field(identifier) is { } field)
        {
            column = field;
            return true;
        }
        if (_features.TryGetValue(identifier, out var values))
        {
            column = values;
            return true;
        }
        column = default;
        return false;
    }
}
