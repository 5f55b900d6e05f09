namespace Backtest.Core.Expressions.Syntax;

/// <summary>`true` or `false`.</summary>
internal sealed record BooleanNode(bool Value, int Start, int End) : Node(Start, End)
{
    public override ExpressionType Type => ExpressionType.Boolean;
}
