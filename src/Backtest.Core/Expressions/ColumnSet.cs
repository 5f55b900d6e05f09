namespace Backtest.Core.Expressions;

/// <summary>An <see cref="IColumnSource"/> over named arrays: feature columns, test vectors, benchmark data.</summary>
public sealed class ColumnSet : IColumnSource
{
    private readonly Dictionary<string, double[]> _columns;

    /// <summary>Wraps <paramref name="columns"/> (not copied: the arrays are read at evaluation time).</summary>
    public ColumnSet(IReadOnlyDictionary<string, double[]> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = new Dictionary<string, double[]>(columns, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public bool TryGetColumn(string identifier, out ReadOnlySpan<double> column)
    {
        if (_columns.TryGetValue(identifier, out var values))
        {
            column = values;
            return true;
        }
        column = default;
        return false;
    }
}
