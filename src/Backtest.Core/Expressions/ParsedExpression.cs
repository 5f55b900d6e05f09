using Backtest.Core.Expressions.Evaluation;
using Backtest.Core.Expressions.Syntax;

namespace Backtest.Core.Expressions;

/// <summary>
/// A checked expression, ready to evaluate over columns. Immutable and safe to share across threads.
/// Two parsed expressions are equal when their canonical texts are, whatever the original formatting.
/// </summary>
public sealed class ParsedExpression : IEquatable<ParsedExpression>
{
    private readonly string _canonical;

    internal ParsedExpression(string source, Node root)
    {
        Source = source;
        Root = root;
        _canonical = CanonicalFormatter.Format(root);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        MaxLookback = Analyse(root, names);
        Identifiers = names.ToArray();
    }

    /// <summary>The text as written (error columns and messages refer to it).</summary>
    public string Source { get; }

    /// <summary>The column names the expression reads, distinct and sorted ordinally.</summary>
    public IReadOnlyList<string> Identifiers { get; }

    /// <summary>Number or boolean.</summary>
    public ExpressionType ResultType => Root.Type;

    /// <summary>
    /// Bars of history the expression needs before its value can be defined: the value at bar t reads bars
    /// t − MaxLookback … t of its columns. lag(x, k), highest/lowest(x, k) add k; cross_above/below add 1;
    /// nested calls add up. It ignores warm-up inside the columns themselves (a feature's own NaN prefix).
    /// </summary>
    public int MaxLookback { get; }

    internal Node Root { get; }

    /// <summary>Canonical text: normalised spacing, parentheses and numbers. Stable input for digests.</summary>
    public override string ToString() => _canonical;

    /// <summary>Evaluates over <paramref name="length"/> bars: a <c>double[]</c> for numbers, a <c>bool[]</c> for booleans.</summary>
    public Array Evaluate(IColumnSource columns, int length) =>
        ResultType == ExpressionType.Boolean ? EvaluateBool(columns, length) : EvaluateNumber(columns, length);

    /// <summary>Evaluates a boolean expression over <paramref name="length"/> bars (every column must have that length).</summary>
    public bool[] EvaluateBool(IColumnSource columns, int length)
    {
        if (ResultType != ExpressionType.Boolean)
            throw new InvalidOperationException($"'{_canonical}' is a number, not a boolean condition: use EvaluateNumber");
        return new VectorEvaluator(this, columns, length).EvaluateBoolRoot();
    }

    /// <summary>Evaluates a numeric expression over <paramref name="length"/> bars (every column must have that length).</summary>
    public double[] EvaluateNumber(IColumnSource columns, int length)
    {
        if (ResultType != ExpressionType.Number)
            throw new InvalidOperationException($"'{_canonical}' is a boolean condition, not a number: use EvaluateBool");
        return new VectorEvaluator(this, columns, length).EvaluateNumberRoot();
    }

    /// <inheritdoc />
    public bool Equals(ParsedExpression? other) => other is not null && string.Equals(_canonical, other._canonical, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ParsedExpression);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_canonical);

    /// <summary>Collects names and returns the lookback of <paramref name="node"/>.</summary>
    private static int Analyse(Node node, SortedSet<string> names)
    {
        switch (node)
        {
            case IdentifierNode id:
                names.Add(id.Name);
                return 0;
            case NegateNode neg:
                return Analyse(neg.Operand, names);
            case NotNode not:
                return Analyse(not.Operand, names);
            case BinaryNode bin:
                return Math.Max(Analyse(bin.Left, names), Analyse(bin.Right, names));
            case LogicalNode logical:
            {
                var max = 0;
                foreach (var operand in logical.Operands) max = Math.Max(max, Analyse(operand, names));
                return max;
            }
            case CallNode call:
            {
                var max = 0;
                foreach (var argument in call.Arguments) max = Math.Max(max, Analyse(argument, names));
                var own = call.Function.Kind switch
                {
                    FunctionKind.Lag or FunctionKind.Highest or FunctionKind.Lowest => call.Bars,
                    FunctionKind.CrossAbove or FunctionKind.CrossBelow => 1,
                    _ => 0,
                };
                // Saturate: nested windows can in principle sum past int range (each is capped, their count is not).
                return (int)Math.Min(int.MaxValue, (long)max + own);
            }
            default:
                return 0;
        }
    }
}
