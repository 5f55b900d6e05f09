namespace Backtest.Core.Expressions.Syntax;

/// <summary>`not` of a boolean.</summary>
internal sealed record NotNode(Node Operand, int Start, int End) : Node(Start, End)
{
    public override ExpressionType Type => ExpressionType.Boolean;
}
