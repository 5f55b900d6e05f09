using System.Globalization;
using System.Text;

namespace Backtest.Core.Tests.Expressions;

/// <summary>
/// Writes a <see cref="RefNode"/> as source text, every compound parenthesised (so the text's meaning does
/// not depend on the product's precedence rules), with optional random decoration: extra spaces, tabs,
/// newlines, redundant parentheses and alternative number spellings. Different decorations of one tree must
/// parse to the same canonical text.
/// </summary>
internal static class ExpressionRenderer
{
    public static string Render(RefNode node, Random random, bool decorate)
    {
        var sb = new StringBuilder();
        Write(node, sb, random, decorate);
        return sb.ToString();
    }

    private static void Write(RefNode node, StringBuilder sb, Random random, bool decorate)
    {
        var extra = decorate && random.Next(6) == 0;
        if (extra) sb.Append('(').Append(Space(random, decorate));
        switch (node.Kind)
        {
            case "num":
                sb.Append(Number(node.Value, random, decorate));
                break;
            case "bool":
                sb.Append(node.Value != 0 ? "true" : "false");
                break;
            case "col":
                sb.Append(node.Name);
                break;
            case "neg":
                sb.Append("(-").Append(Space(random, decorate));
                Write(node.Args[0], sb, random, decorate);
                sb.Append(')');
                break;
            case "not":
                sb.Append("(not ").Append(Space(random, decorate));
                Write(node.Args[0], sb, random, decorate);
                sb.Append(')');
                break;
            case "arith":
            case "cmp":
            case "logic":
                sb.Append('(').Append(Space(random, decorate));
                Write(node.Args[0], sb, random, decorate);
                sb.Append(' ').Append(Space(random, decorate)).Append(node.Op).Append(' ').Append(Space(random, decorate));
                Write(node.Args[1], sb, random, decorate);
                sb.Append(Space(random, decorate)).Append(')');
                break;
            case "call":
                sb.Append(node.Op).Append('(').Append(Space(random, decorate));
                for (var i = 0; i < node.Args.Length; i++)
                {
                    if (i > 0) sb.Append(Space(random, decorate)).Append(',').Append(decorate && random.Next(2) == 0 ? "" : " ");
                    Write(node.Args[i], sb, random, decorate);
                }
                if (node.Bars > 0)
                    sb.Append(", ").Append(decorate && random.Next(3) == 0 ? node.Bars.ToString(CultureInfo.InvariantCulture) + ".0" : node.Bars.ToString(CultureInfo.InvariantCulture));
                sb.Append(Space(random, decorate)).Append(')');
                break;
            default:
                throw new InvalidOperationException(node.Kind);
        }
        if (extra) sb.Append(Space(random, decorate)).Append(')');
    }

    private static string Space(Random random, bool decorate) =>
        !decorate ? "" : random.Next(5) switch { 0 => " ", 1 => "  ", 2 => "\t", 3 => "\n ", _ => "" };

    /// <summary>Negative literals are written as unary minus on the magnitude, in parentheses.</summary>
    private static string Number(double value, Random random, bool decorate)
    {
        if (double.IsNegative(value)) return "(-" + Number(-value, random, decorate) + ")";
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!decorate) return text;
        return random.Next(4) switch
        {
            0 when !text.Contains('E') && !text.Contains('.') => text + ".0",
            1 when text.StartsWith("0.", StringComparison.Ordinal) => text[1..],
            2 => value.ToString("0.0###############e0", CultureInfo.InvariantCulture),
            _ => text,
        };
    }
}
