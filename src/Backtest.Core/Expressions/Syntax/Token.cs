namespace Backtest.Core.Expressions.Syntax;

/// <summary>One lexeme with its 0-based [Start, End) span, so every later error can point at it.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, string Text, double Number)
{
    /// <summary>How the token reads in an error message: quoted text, or "the end of the expression".</summary>
    public string Describe() => Kind == TokenKind.End ? "the end of the expression" : $"'{Text}'";
}
