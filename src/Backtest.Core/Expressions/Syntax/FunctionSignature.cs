namespace Backtest.Core.Expressions.Syntax;

/// <summary>
/// What a built-in function accepts and returns: checked at parse so arity and type errors point at the call.
/// Every expression parameter is a number. <see cref="HasBars"/> functions take a constant integer last
/// argument (bars). <see cref="MaxArguments"/> is int.MaxValue for variadic functions.
/// </summary>
internal sealed record FunctionSignature(
    FunctionKind Kind,
    string Name,
    string Parameters,
    int MinArguments,
    int MaxArguments,
    ExpressionType Result,
    bool HasBars);
