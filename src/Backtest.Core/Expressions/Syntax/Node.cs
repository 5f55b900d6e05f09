namespace Backtest.Core.Expressions.Syntax;

/// <summary>
/// A typed syntax-tree node with its 0-based [Start, End) span in the source (parentheses included), kept so
/// type errors found while building the tree can quote and point at the operand at fault.
/// </summary>
internal abstract record Node(int Start, int End)
{
    /// <summary>Number or boolean, fixed when the node is built.</summary>
    public abstract ExpressionType Type { get; }
}
