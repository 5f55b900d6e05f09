using System.Globalization;

namespace Backtest.Core.Expressions.Syntax;

/// <summary>
/// Splits expression text into tokens. Names and keywords are lowercase ASCII (`[a-z_][a-z0-9_]*`);
/// numbers are decimal with optional fraction and exponent (`3`, `.5`, `1.`, `1e-3`, `2.5E+4`).
/// </summary>
internal static class Lexer
{
    /// <summary>All tokens of <paramref name="source"/>, ending with one <see cref="TokenKind.End"/>.</summary>
    public static List<Token> Tokenize(string source)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < source.Length && IsSpace(source[i])) i++;
            if (i >= source.Length)
            {
                tokens.Add(new Token(TokenKind.End, source.Length, source.Length, "", 0));
                return tokens;
            }
            var c = source[i];
            if (IsDigit(c) || c == '.' && i + 1 < source.Length && IsDigit(source[i + 1]))
            {
                tokens.Add(ReadNumber(source, ref i));
            }
            else if (IsNameStart(c) || c is >= 'A' and <= 'Z')
            {
                tokens.Add(ReadName(source, ref i));
            }
            else
            {
                tokens.Add(ReadSymbol(source, ref i));
            }
        }
    }

    private static Token ReadNumber(string source, ref int i)
    {
        var start = i;
        while (i < source.Length && IsDigit(source[i])) i++;
        if (i < source.Length && source[i] == '.')
        {
            i++;
            while (i < source.Length && IsDigit(source[i])) i++;
        }
        if (i < source.Length && source[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < source.Length && source[j] is '+' or '-') j++;
            if (j < source.Length && IsDigit(source[j]))
            {
                while (j < source.Length && IsDigit(source[j])) j++;
                i = j;
            }
        }
        if (i < source.Length && (IsNamePart(source[i]) || source[i] is '.' or >= 'A' and <= 'Z'))
        {
            // "1e", "1.2.3", "3abc": one malformed number, reported whole rather than as two puzzling tokens.
            while (i < source.Length && (IsNamePart(source[i]) || source[i] is '.' or >= 'A' and <= 'Z')) i++;
            throw Error(source, start, i, $"malformed number '{source[start..i]}'");
        }
        var text = source[start..i];
        var value = double.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
            throw Error(source, start, i, $"number '{text}' is out of range");
        return new Token(TokenKind.Number, start, i, text, value);
    }

    private static Token ReadName(string source, ref int i)
    {
        var start = i;
        var hasUpper = false;
        while (i < source.Length && (IsNamePart(source[i]) || source[i] is >= 'A' and <= 'Z'))
        {
            hasUpper |= source[i] is >= 'A' and <= 'Z';
            i++;
        }
        var text = source[start..i];
        if (hasUpper)
            throw Error(source, start, i, $"'{text}' must be lowercase (did you mean '{text.ToLowerInvariant()}'?)");
        var kind = text switch
        {
            "and" => TokenKind.And,
            "or" => TokenKind.Or,
            "not" => TokenKind.Not,
            "true" => TokenKind.True,
            "false" => TokenKind.False,
            _ => TokenKind.Identifier,
        };
        return new Token(kind, start, i, text, 0);
    }

    private static Token ReadSymbol(string source, ref int i)
    {
        var start = i;
        var c = source[i];
        var next = i + 1 < source.Length ? source[i + 1] : '\0';
        (TokenKind kind, int width) = c switch
        {
            '+' => (TokenKind.Plus, 1),
            '-' => (TokenKind.Minus, 1),
            '*' => (TokenKind.Star, 1),
            '/' => (TokenKind.Slash, 1),
            '(' => (TokenKind.LeftParen, 1),
            ')' => (TokenKind.RightParen, 1),
            ',' => (TokenKind.Comma, 1),
            '<' => next == '=' ? (TokenKind.LessOrEqual, 2) : (TokenKind.Less, 1),
            '>' => next == '=' ? (TokenKind.GreaterOrEqual, 2) : (TokenKind.Greater, 1),
            '=' when next == '=' => (TokenKind.Equal, 2),
            '!' when next == '=' => (TokenKind.NotEqual, 2),
            '=' => throw Error(source, start, start + 1, "unexpected '=' (did you mean '=='?)"),
            '!' => throw Error(source, start, start + 1, "unexpected '!' (use 'not' to negate or '!=' for inequality)"),
            '&' => throw Error(source, start, start + 1, "unexpected character '&' (use 'and')"),
            '|' => throw Error(source, start, start + 1, "unexpected character '|' (use 'or')"),
            _ => throw Error(source, start, start + 1, $"unexpected character '{c}'"),
        };
        i += width;
        return new Token(kind, start, i, source[start..i], 0);
    }

    private static ExpressionException Error(string source, int start, int end, string message) =>
        new(start + 1, end - start, message) { ExpressionText = source };

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';
    private static bool IsDigit(char c) => c is >= '0' and <= '9';
    private static bool IsNameStart(char c) => c is >= 'a' and <= 'z' or '_';
    private static bool IsNamePart(char c) => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_';
}
