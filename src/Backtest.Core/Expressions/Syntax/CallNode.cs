namespace Backtest.Core.Expressions.Syntax;

/// <summary>
/// A function call. <see cref="Arguments"/> are the expression arguments; for the windowed functions
/// (lag, highest, lowest) the constant bar count is held apart in <see cref="Bars"/>.
/// </summary>
internal sealed record CallNode(FunctionSignature Function, Node[] Arguments, int Bars, int Start, int End) : Node(Start, End)
{
    public override ExpressionType Type => Function.Result;
}
