namespace Backtest.Core.Tests.Expressions;

/// <summary>
/// The test's own expression tree, independent of the product's parser: the property tests generate it,
/// render it to text for the product to parse, and evaluate it row by row with <see cref="ReferenceEvaluator"/>.
/// Kind is one of num, bool, col, neg, not, arith, cmp, logic, call; Op is the operator or function name.
/// </summary>
internal sealed record RefNode(string Kind, string Op = "", double Value = 0, string Name = "", int Bars = 0, RefNode[]? Children = null)
{
    public RefNode[] Args => Children ?? [];

    public bool IsBool => Kind switch
    {
        "bool" or "not" or "cmp" or "logic" => true,
        "call" => Op is "between" or "cross_above" or "cross_below",
        _ => false,
    };

    /// <summary>Fully parenthesised text, for failure messages.</summary>
    public override string ToString() => ExpressionRenderer.Render(this, new Random(0), decorate: false);
}
