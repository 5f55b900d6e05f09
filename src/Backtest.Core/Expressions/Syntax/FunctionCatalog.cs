namespace Backtest.Core.Expressions.Syntax;

/// <summary>The built-in functions by name, sorted, for lookup and for "did you mean" suggestions.</summary>
internal static class FunctionCatalog
{
    /// <summary>Largest bar count a lag/highest/lowest accepts: ~9.5 years of 5m bars; bounds lookback sums.</summary>
    public const int MaxBars = 1_000_000;

    /// <summary>All functions, sorted by name.</summary>
    public static readonly FunctionSignature[] All =
    [
        new(FunctionKind.Abs, "abs", "x", 1, 1, ExpressionType.Number, false),
        new(FunctionKind.Between, "between", "x, lo, hi", 3, 3, ExpressionType.Boolean, false),
        new(FunctionKind.CrossAbove, "cross_above", "a, b", 2, 2, ExpressionType.Boolean, false),
        new(FunctionKind.CrossBelow, "cross_below", "a, b", 2, 2, ExpressionType.Boolean, false),
        new(FunctionKind.Highest, "highest", "x, k", 2, 2, ExpressionType.Number, true),
        new(FunctionKind.Lag, "lag", "x, k", 2, 2, ExpressionType.Number, true),
        new(FunctionKind.Lowest, "lowest", "x, k", 2, 2, ExpressionType.Number, true),
        new(FunctionKind.Max, "max", "a, b, ...", 2, int.MaxValue, ExpressionType.Number, false),
        new(FunctionKind.Min, "min", "a, b, ...", 2, int.MaxValue, ExpressionType.Number, false),
    ];

    /// <summary>The function named <paramref name="name"/>, or null.</summary>
    public static FunctionSignature? Find(string name)
    {
        foreach (var f in All)
            if (f.Name == name) return f;
        return null;
    }

    /// <summary>Names of all functions, sorted.</summary>
    public static IEnumerable<string> Names => All.Select(f => f.Name);
}
