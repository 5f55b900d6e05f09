namespace Backtest.Core.Expressions.Syntax;

/// <summary>
/// `and` / `or` over two or more booleans. Chains are flattened (`a and (b and c)` is `a and b and c`): the
/// operators are associative, so the canonical text, and with it every digest, ignores how they were grouped.
/// </summary>
internal sealed record LogicalNode(bool IsAnd, Node[] Operands, int Start, int End) : Node(Start, End)
{
    public override ExpressionType Type => ExpressionType.Boolean;

    /// <summary>"and" or "or".</summary>
    public string Keyword => IsAnd ? "and" : "or";
}
