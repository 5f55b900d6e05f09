using Backtest.Core.Text;
namespace Backtest.Core.Expressions.Syntax;

/// <summary>
/// Recursive-descent parser that builds a typed tree in one pass: every operand's type is checked as soon as
/// it is attached to its operator, so the first error is reported at the operand that caused it.
/// Precedence, loosest first: or, and, not, comparison (non-associative), + -, * /, unary minus, primary.
/// </summary>
internal sealed class Parser
{
    /// <summary>
    /// Deepest nesting (parentheses, calls, unary operators, chained arithmetic) accepted: keeps the recursive
    /// passes over the tree far from the stack limit whatever text a spec holds.
    /// </summary>
    public const int MaxDepth = 256;

    private readonly string _source;
    private readonly List<Token> _tokens;
    private readonly IReadOnlySet<string>? _knownIdentifiers;
    private int _position;
    private int _depth;

    private Parser(string source, IReadOnlySet<string>? knownIdentifiers)
    {
        _source = source;
        _tokens = Lexer.Tokenize(source);
        _knownIdentifiers = knownIdentifiers;
    }

    /// <summary>
    /// The typed tree of <paramref name="source"/>. With <paramref name="knownIdentifiers"/>, a name outside
    /// the set is an error (with a spelling hint); without it any name is accepted as a column.
    /// </summary>
    public static Node Parse(string source, IReadOnlySet<string>? knownIdentifiers)
    {
        var parser = new Parser(source, knownIdentifiers);
        if (parser.Current.Kind == TokenKind.End)
            throw parser.Error(0, source.Length, "empty expression");
        var root = parser.ParseOr();
        var rest = parser.Current;
        if (rest.Kind == TokenKind.RightParen)
            throw parser.Error(rest, "unmatched ')'");
        if (rest.Kind != TokenKind.End)
            throw parser.Error(rest, $"unexpected {rest.Describe()} after a complete expression");
        return root;
    }

    private Token Current => _tokens[_position];

    private Token Advance() => _tokens[_position++];

    private Node ParseOr() => ParseLogical(isAnd: false);

    private Node ParseLogical(bool isAnd)
    {
        var kind = isAnd ? TokenKind.And : TokenKind.Or;
        var first = isAnd ? ParseNot() : ParseLogical(isAnd: true);
        if (Current.Kind != kind) return first;
        var keyword = isAnd ? "and" : "or";
        var operands = new List<Node>();
        Add(first);
        while (Current.Kind == kind)
        {
            Advance();
            Add(isAnd ? ParseNot() : ParseLogical(isAnd: true));
        }
        return new LogicalNode(isAnd, operands.ToArray(), first.Start, operands[^1].End);

        void Add(Node operand)
        {
            RequireBoolean(operand, $"'{keyword}' needs boolean operands");
            if (operand is LogicalNode inner && inner.IsAnd == isAnd) operands.AddRange(inner.Operands);
            else operands.Add(operand);
        }
    }

    private Node ParseNot()
    {
        if (Current.Kind != TokenKind.Not) return ParseComparison();
        var not = Advance();
        Enter(not);
        var operand = ParseNot();
        _depth--;
        RequireBoolean(operand, "'not' needs a boolean operand");
        return new NotNode(operand, not.Start, operand.End);
    }

    private Node ParseComparison()
    {
        var left = ParseAdditive();
        if (ComparisonOperator(Current.Kind) is not { } op) return left;
        var opToken = Advance();
        RequireNumber(left, $"'{opToken.Text}' needs number operands");
        var right = ParseAdditive();
        RequireNumber(right, $"'{opToken.Text}' needs number operands");
        if (ComparisonOperator(Current.Kind) is not null)
            throw Error(Current, "comparisons do not chain: write 'a < b and b < c', or between(x, lo, hi)");
        return new BinaryNode(op, left, right, left.Start, right.End);
    }

    private Node ParseAdditive()
    {
        var left = ParseMultiplicative();
        var entered = 0;
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var opToken = Advance();
            Enter(opToken);
            entered++;
            RequireNumber(left, $"'{opToken.Text}' needs number operands");
            var right = ParseMultiplicative();
            RequireNumber(right, $"'{opToken.Text}' needs number operands");
            var op = opToken.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = new BinaryNode(op, left, right, left.Start, right.End);
        }
        _depth -= entered;
        return left;
    }

    private Node ParseMultiplicative()
    {
        var left = ParseUnary();
        var entered = 0;
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var opToken = Advance();
            Enter(opToken);
            entered++;
            RequireNumber(left, $"'{opToken.Text}' needs number operands");
            var right = ParseUnary();
            RequireNumber(right, $"'{opToken.Text}' needs number operands");
            var op = opToken.Kind == TokenKind.Star ? BinaryOperator.Multiply : BinaryOperator.Divide;
            left = new BinaryNode(op, left, right, left.Start, right.End);
        }
        _depth -= entered;
        return left;
    }

    private Node ParseUnary()
    {
        if (Current.Kind != TokenKind.Minus) return ParsePrimary();
        var minus = Advance();
        Enter(minus);
        var operand = ParseUnary();
        _depth--;
        RequireNumber(operand, "'-' needs a number operand");
        // A negated literal is a literal: `lag(x, -1)` then fails as a bad constant, and `-3` prints as itself.
        return operand is NumberNode number
            ? new NumberNode(-number.Value, minus.Start, number.End)
            : new NegateNode(operand, minus.Start, operand.End);
    }

    private Node ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new NumberNode(token.Number, token.Start, token.End);
            case TokenKind.True:
            case TokenKind.False:
                Advance();
                return new BooleanNode(token.Kind == TokenKind.True, token.Start, token.End);
            case TokenKind.Identifier:
                Advance();
                if (Current.Kind == TokenKind.LeftParen) return ParseCall(token);
                return Identifier(token);
            case TokenKind.LeftParen:
            {
                var open = Advance();
                Enter(open);
                var inner = ParseOr();
                _depth--;
                if (Current.Kind != TokenKind.RightParen)
                    throw Error(Current, $"expected ')' to close '(' at column {open.Start + 1} but found {Current.Describe()}");
                var close = Advance();
                return inner with { Start = open.Start, End = close.End };
            }
            default:
                throw Error(token, _position == 0
                    ? $"expected an operand but found {token.Describe()}"
                    : $"expected an operand after '{_tokens[_position - 1].Text}' but found {token.Describe()}");
        }
    }

    private IdentifierNode Identifier(Token token)
    {
        if (FunctionCatalog.Find(token.Text) is { } function)
            throw Error(token, $"'{function.Name}' is a function: call it as {function.Name}({function.Parameters})");
        if (_knownIdentifiers is not null && !_knownIdentifiers.Contains(token.Text))
        {
            var hint = Suggest.Nearest(token.Text, _knownIdentifiers.Order(StringComparer.Ordinal));
            throw Error(token, hint is null ? $"unknown name '{token.Text}'" : $"unknown name '{token.Text}' (did you mean '{hint}'?)");
        }
        return new IdentifierNode(token.Text, token.Start, token.End);
    }

    private CallNode ParseCall(Token name)
    {
        var function = FunctionCatalog.Find(name.Text);
        if (function is null)
        {
            var hint = Suggest.Nearest(name.Text, FunctionCatalog.Names);
            throw Error(name, hint is null
                ? $"unknown function '{name.Text}' (functions: {string.Join(", ", FunctionCatalog.Names)})"
                : $"unknown function '{name.Text}' (did you mean '{hint}'?)");
        }
        var open = Advance();
        Enter(open);
        var arguments = new List<Node>();
        if (Current.Kind != TokenKind.RightParen)
        {
            while (true)
            {
                arguments.Add(ParseOr());
                if (Current.Kind != TokenKind.Comma) break;
                Advance();
            }
        }
        if (Current.Kind != TokenKind.RightParen)
            throw Error(Current, $"expected ')' after argument list but found {Current.Describe()}");
        var close = Advance();
        _depth--;

        if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
        {
            var takes = function.MaxArguments == int.MaxValue
                ? $"{function.MinArguments} or more arguments"
                : function.MinArguments == 1 ? "1 argument" : $"{function.MinArguments} arguments";
            throw Error(name.Start, close.End, $"{function.Name} takes {takes} ({function.Parameters}) but got {arguments.Count}");
        }
        var expressionCount = function.HasBars ? arguments.Count - 1 : arguments.Count;
        for (var i = 0; i < expressionCount; i++)
            RequireNumber(arguments[i], $"{function.Name} needs a number as argument {i + 1}");

        var bars = 0;
        if (function.HasBars)
        {
            var last = arguments[^1];
            if (last is not NumberNode { Value: >= 1 and <= FunctionCatalog.MaxBars } literal || literal.Value != Math.Floor(literal.Value))
                throw Error(last.Start, last.End,
                    $"argument {arguments.Count} of {function.Name} (k) must be an integer literal from 1 to {FunctionCatalog.MaxBars} (bars) but is '{Text(last)}'");
            bars = (int)literal.Value;
            arguments.RemoveAt(arguments.Count - 1);
        }
        return new CallNode(function, arguments.ToArray(), bars, name.Start, close.End);
    }

    private static BinaryOperator? ComparisonOperator(TokenKind kind) => kind switch
    {
        TokenKind.Less => BinaryOperator.Less,
        TokenKind.LessOrEqual => BinaryOperator.LessOrEqual,
        TokenKind.Greater => BinaryOperator.Greater,
        TokenKind.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
        TokenKind.Equal => BinaryOperator.Equal,
        TokenKind.NotEqual => BinaryOperator.NotEqual,
        _ => null,
    };

    private void Enter(Token at)
    {
        if (++_depth > MaxDepth)
            throw Error(at, $"expression is nested too deeply (more than {MaxDepth} levels of parentheses, calls or operators)");
    }

    private void RequireBoolean(Node operand, string need)
    {
        if (operand.Type != ExpressionType.Boolean)
            throw Error(operand.Start, operand.End, $"{need} but '{Text(operand)}' is a number");
    }

    private void RequireNumber(Node operand, string need)
    {
        if (operand.Type != ExpressionType.Number)
            throw Error(operand.Start, operand.End, $"{need} but '{Text(operand)}' is a boolean");
    }

    private string Text(Node node) => _source[node.Start..node.End];

    private ExpressionException Error(Token token, string message) => Error(token.Start, token.End, message);

    private ExpressionException Error(int start, int end, string message) =>
        new(start + 1, end - start, message) { ExpressionText = _source };
}
