namespace Backtest.Core.Expressions.Syntax;

/// <summary>Arithmetic (number × number → number) and comparison (number × number → boolean) operators.</summary>
internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}
