namespace Backtest.Core.Expressions.Syntax;

/// <summary>A column read: a bar field or a feature id; always a number.</summary>
internal sealed record IdentifierNode(string Name, int Start, int End) : Node(Start, End)
{
    public override ExpressionType Type => ExpressionType.Number;
}
