namespace Backtest.Core.Expressions.Syntax;

/// <summary>Unary minus of a non-literal number.</summary>
internal sealed record NegateNode(Node Operand, int Start, int End) : Node(Start, End)
{
    public override ExpressionType Type => ExpressionType.Number;
}
