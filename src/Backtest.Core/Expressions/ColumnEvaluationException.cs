namespace Backtest.Core.Expressions;

/// <summary>
/// Raised before any computation when the columns handed to an evaluation do not fit the expression:
/// a name it reads is missing, or a column's length differs from the evaluation length.
/// </summary>
public sealed class ColumnEvaluationException(string expression, string identifier, string message)
    : Exception($"cannot evaluate '{expression}': {message}")
{
    /// <summary>Canonical text of the expression being evaluated.</summary>
    public string Expression { get; } = expression;

    /// <summary>The column name at fault.</summary>
    public string Identifier { get; } = identifier;
}
