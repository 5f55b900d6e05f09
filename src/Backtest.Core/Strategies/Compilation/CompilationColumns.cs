using Backtest.Core.Bars;
using Backtest.Core.Expressions;

namespace Backtest.Core.Strategies.Compilation;

/// <summary>
/// The expression column source of one compilation: bar fields from the frame, everything else from the caller's
/// provider, each name resolved and length-checked once, with failures blamed on the blueprint key being compiled.
/// </summary>
internal sealed class CompilationColumns(string blueprintId, BarFrame bars, Func<string, double[]?> provider) : IColumnSource
{
    private readonly Dictionary<string, double[]> _resolved = new(StringComparer.Ordinal);

    /// <summary>Resolves every name <paramref name="expression"/> reads, or throws naming <paramref name="field"/> and the name.</summary>
    public void Require(ParsedExpression expression, string field, string? via = null)
    {
        foreach (var name in expression.Identifiers) Resolve(name, field, via);
    }

    /// <summary>The column called <paramref name="name"/> for <paramref name="field"/>, or null when the provider has none.</summary>
    public double[]? TryResolve(string name, string field)
    {
        if (_resolved.TryGetValue(name, out var known)) return known;
        var column = bars.Field(name) ?? provider(name);
        if (column is null) return null;
        if (column.Length != bars.Count)
            throw new StrategyCompilationException(blueprintId, field, name,
                $"reads '{name}', whose column has {column.Length} values for {bars.Count} bars of {bars.Symbol}: columns must share the bars' grid");
        _resolved.Add(name, column);
        return column;
    }

    private void Resolve(string name, string field, string? via)
    {
        if (TryResolve(name, field) is not null) return;
        var reader = via is null ? "reads" : $"names {via}, which reads";
        throw new StrategyCompilationException(blueprintId, field, name,
            $"{reader} '{name}', which is neither a bar field ({string.Join(", ", BarFrame.FieldNames)}) nor a column the compiler was given");
    }

    /// <inheritdoc />
    public bool TryGetColumn(string identifier, out ReadOnlySpan<double> column)
    {
        if (_resolved.TryGetValue(identifier, out var values))
        {
            column = values;
            return true;
        }
        column = default;
        return false;
    }
}
