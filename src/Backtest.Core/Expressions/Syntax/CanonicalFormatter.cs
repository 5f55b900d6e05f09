using System.Globalization;
using System.Text;

namespace Backtest.Core.Expressions.Syntax;

/// <summary>
/// Prints a tree in one normal form: single spaces around binary operators, ", " between arguments, the
/// fewest parentheses that keep the tree, numbers in shortest round-trip form (`.50` → `0.5`, `1e-3` →
/// `0.001`). Digests hash this text, so reformatting a spec never invalidates a cache entry.
/// </summary>
internal static class CanonicalFormatter
{
    /// <summary>The canonical text of <paramref name="node"/>; parsing it gives back the same tree.</summary>
    public static string Format(Node node)
    {
        var sb = new StringBuilder();
        Write(node, sb);
        return sb.ToString();
    }

    /// <summary>A number as the language writes it: shortest round-trip digits, lowercase exponent.</summary>
    public static string FormatNumber(double value) =>
        value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');

    private static void Write(Node node, StringBuilder sb)
    {
        switch (node)
        {
            case NumberNode n:
                sb.Append(FormatNumber(n.Value));
                break;
            case BooleanNode b:
                sb.Append(b.Value ? "true" : "false");
                break;
            case IdentifierNode id:
                sb.Append(id.Name);
                break;
            case NegateNode neg:
                sb.Append('-');
                // "-(-x)" rather than "--x": same tree either way, this one reads unambiguously.
                WriteOperand(neg.Operand, sb, Precedence(neg.Operand) < Precedence(neg) || StartsWithMinus(neg.Operand));
                break;
            case NotNode not:
                sb.Append("not ");
                WriteOperand(not.Operand, sb, Precedence(not.Operand) < Precedence(not));
                break;
            case BinaryNode bin:
            {
                var p = Precedence(bin);
                WriteOperand(bin.Left, sb, Precedence(bin.Left) < p);
                sb.Append(' ').Append(bin.Operator.Symbol()).Append(' ');
                // Left-associative: a right operand of equal precedence keeps its parentheses (a - (b - c)).
                WriteOperand(bin.Right, sb, Precedence(bin.Right) <= p);
                break;
            }
            case LogicalNode logical:
                for (var i = 0; i < logical.Operands.Length; i++)
                {
                    if (i > 0) sb.Append(' ').Append(logical.Keyword).Append(' ');
                    WriteOperand(logical.Operands[i], sb, Precedence(logical.Operands[i]) <= Precedence(logical));
                }
                break;
            case CallNode call:
                sb.Append(call.Function.Name).Append('(');
                for (var i = 0; i < call.Arguments.Length; i++)
                {
                    if (i > 0) sb.Append(", ");
                    Write(call.Arguments[i], sb);
                }
                if (call.Function.HasBars) sb.Append(", ").Append(call.Bars.ToString(CultureInfo.InvariantCulture));
                sb.Append(')');
                break;
            default:
                throw new InvalidOperationException($"unhandled node {node.GetType().Name}");
        }
    }

    private static void WriteOperand(Node operand, StringBuilder sb, bool parenthesize)
    {
        if (parenthesize) sb.Append('(');
        Write(operand, sb);
        if (parenthesize) sb.Append(')');
    }

    private static bool StartsWithMinus(Node node) => node switch
    {
        NumberNode n => n.Value < 0 || double.IsNegative(n.Value),
        NegateNode => true,
        BinaryNode b => StartsWithMinus(b.Left),
        _ => false,
    };

    /// <summary>Binding strength, loosest first; must mirror the parser's levels.</summary>
    private static int Precedence(Node node) => node switch
    {
        LogicalNode { IsAnd: false } => 1,
        LogicalNode { IsAnd: true } => 2,
        NotNode => 3,
        BinaryNode b when b.Operator.IsComparison() => 4,
        BinaryNode { Operator: BinaryOperator.Add or BinaryOperator.Subtract } => 5,
        BinaryNode => 6,
        NegateNode => 7,
        NumberNode n when double.IsNegative(n.Value) => 7,
        _ => 8,
    };
}
