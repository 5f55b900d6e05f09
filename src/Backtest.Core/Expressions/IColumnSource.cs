namespace Backtest.Core.Expressions;

/// <summary>
/// Where an evaluation reads the columns an expression names (bar fields and feature ids): a seam so the same
/// expression runs over a <see cref="Bars.BarFrame"/> plus features, a test's arrays or a truncated window.
/// </summary>
public interface IColumnSource
{
    /// <summary>The values of column <paramref name="identifier"/> (one per bar), or false when there is none.</summary>
    bool TryGetColumn(string identifier, out ReadOnlySpan<double> column);
}
