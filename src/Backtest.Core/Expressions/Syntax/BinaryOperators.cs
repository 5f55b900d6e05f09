namespace Backtest.Core.Expressions.Syntax;

/// <summary>Spelling and classification of <see cref="BinaryOperator"/>.</summary>
internal static class BinaryOperators
{
    /// <summary>The operator as written in canonical text.</summary>
    public static string Symbol(this BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>True for the six comparisons, whose result is boolean.</summary>
    public static bool IsComparison(this BinaryOperator op) => op >= BinaryOperator.Less;
}
