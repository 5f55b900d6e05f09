using Backtest.Core.Expressions.Syntax;

namespace Backtest.Core.Expressions;

/// <summary>
/// Entry point of the one expression language shared by event conditions, filters and blueprint logic:
/// parse once (syntax, static types, function arity and constant arguments all checked, errors at a column),
/// then evaluate vectorised over columns as often as needed.
/// </summary>
/// <remarks>
/// Grammar (EBNF; whitespace is spaces, tabs and newlines; see Expressions/README.md for the user guide):
/// <code>
/// expression     = or ;
/// or             = and { "or" and } ;
/// and            = not { "and" not } ;
/// not            = "not" not | comparison ;
/// comparison     = additive [ ( "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "==" | "!=" ) additive ] ;   (* no chaining *)
/// additive       = multiplicative { ( "+" | "-" ) multiplicative } ;
/// multiplicative = unary { ( "*" | "/" ) unary } ;
/// unary          = "-" unary | primary ;
/// primary        = number | "true" | "false" | name | call | "(" expression ")" ;
/// call           = name "(" [ expression { "," expression } ] ")" ;
/// name           = [a-z_][a-z0-9_]* ;                    (* bar field or feature id; keywords excluded *)
/// number         = ( digits [ "." [ digits ] ] | "." digits ) [ ( "e" | "E" ) [ "+" | "-" ] digits ] ;
/// </code>
/// Precedence, tightest first: unary minus; * /; + -; comparisons; not; and; or. So
/// `not funding_z > 2` is `not (funding_z > 2)` and `a or b and c` is `a or (b and c)`.
/// Names are numbers; comparisons, `between`, `cross_above`, `cross_below`, `true`, `false` are booleans.
/// </remarks>
public static class Expression
{
    /// <summary>Parses <paramref name="source"/>; any name is accepted as a column. Throws <see cref="ExpressionException"/>.</summary>
    public static ParsedExpression Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new ParsedExpression(source, Parser.Parse(source, null));
    }

    /// <summary>
    /// Parses <paramref name="source"/> and requires its result to be <paramref name="expected"/> (an event
    /// condition must be boolean, a strength a number). With <paramref name="knownIdentifiers"/>, every name
    /// must be one of them, else the error names the closest. Throws <see cref="ExpressionException"/>.
    /// </summary>
    public static ParsedExpression Parse(string source, ExpressionType expected, IReadOnlySet<string>? knownIdentifiers = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var root = Parser.Parse(source, knownIdentifiers);
        if (root.Type != expected)
        {
            var what = expected == ExpressionType.Boolean ? "a boolean condition" : "a number";
            var got = root.Type == ExpressionType.Boolean ? "a boolean" : "a number";
            throw new ExpressionException(root.Start + 1, root.End - root.Start,
                $"expected {what} but '{source[root.Start..root.End]}' is {got}") { ExpressionText = source };
        }
        return new ParsedExpression(source, root);
    }
}
