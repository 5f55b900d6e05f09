namespace Backtest.Core.Expressions.Syntax;

/// <summary>An arithmetic operation or a comparison of two numbers.</summary>
internal sealed record BinaryNode(BinaryOperator Operator, Node Left, Node Right, int Start, int End) : Node(Start, End)
{
    public override ExpressionType Type => Operator.IsComparison() ? ExpressionType.Boolean : ExpressionType.Number;
}
