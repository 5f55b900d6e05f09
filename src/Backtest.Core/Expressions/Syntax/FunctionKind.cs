namespace Backtest.Core.Expressions.Syntax;

/// <summary>The built-in functions: the language has no user-defined ones, so evaluation can switch on this.</summary>
internal enum FunctionKind
{
    Abs,
    Min,
    Max,
    Between,
    Lag,
    Highest,
    Lowest,
    CrossAbove,
    CrossBelow,
}
