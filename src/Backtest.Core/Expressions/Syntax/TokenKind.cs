namespace Backtest.Core.Expressions.Syntax;

/// <summary>The lexical classes of the expression language.</summary>
internal enum TokenKind
{
    Number,
    Identifier,
    And,
    Or,
    Not,
    True,
    False,
    Plus,
    Minus,
    Star,
    Slash,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    LeftParen,
    RightParen,
    Comma,
    End,
}
