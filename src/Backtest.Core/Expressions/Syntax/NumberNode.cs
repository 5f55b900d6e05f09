namespace Backtest.Core.Expressions.Syntax;

/// <summary>A numeric literal (a unary minus on a literal is folded in, so `-3` is one literal).</summary>
internal sealed record NumberNode(double Value, int Start, int End) : Node(Start, End)
{
    public override ExpressionType Type => ExpressionType.Number;
}
