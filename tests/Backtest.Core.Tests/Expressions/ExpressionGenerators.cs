using FsCheck;
using FsCheck.Fluent;

namespace Backtest.Core.Tests.Expressions;

/// <summary>
/// FsCheck generators of random well-typed expressions over columns a, b, c and of random columns rich in
/// the awkward values: ties (small integers, so crossings and equality happen), NaN, ±Infinity and -0.
/// </summary>
internal static class ExpressionGenerators
{
    public static readonly string[] ColumnNames = ["a", "b", "c"];

    private static readonly double[] Literals = [0, 1, 2, 3, -1, 0.5, 3.25, 0.001, 100, -0.0];

    public static Gen<RefNode> Number(int depth)
    {
        var column = Gen.Elements(ColumnNames).Select(n => new RefNode("col", Name: n));
        var literal = Gen.Elements(Literals).Select(v => new RefNode("num", Value: v));
        if (depth <= 0) return Gen.Frequency((4, column), (1, literal));
        var sub = Gen.Sized(_ => Number(depth - 1));
        var bars = Gen.Choose(1, 4);
        return Gen.Frequency(
            (3, column),
            (1, literal),
            (1, sub.Select(x => new RefNode("neg", Children: [x]))),
            (4, from op in Gen.Elements("+", "-", "*", "/") from l in sub from r in sub select new RefNode("arith", op, Children: [l, r])),
            (1, sub.Select(x => new RefNode("call", "abs", Children: [x]))),
            (2, from op in Gen.Elements("min", "max") from n in Gen.Choose(2, 3) from args in Gen.ArrayOf(sub, n)
                select new RefNode("call", op, Children: args)),
            (3, from op in Gen.Elements("lag", "highest", "lowest") from x in sub from k in bars
                select new RefNode("call", op, Bars: k, Children: [x])));
    }

    public static Gen<RefNode> Boolean(int depth)
    {
        var comparison = from op in Gen.Elements("<", "<=", ">", ">=", "==", "!=")
                         from l in Number(Math.Max(0, depth - 1))
                         from r in Number(Math.Max(0, depth - 2))
                         select new RefNode("cmp", op, Children: [l, r]);
        if (depth <= 0)
            return Gen.Frequency((8, comparison), (1, Gen.Elements(0.0, 1.0).Select(v => new RefNode("bool", Value: v))));
        var sub = Gen.Sized(_ => Boolean(depth - 1));
        var number = Number(depth - 1);
        return Gen.Frequency(
            (4, comparison),
            (2, sub.Select(x => new RefNode("not", Children: [x]))),
            (3, from op in Gen.Elements("and", "or") from l in sub from r in sub select new RefNode("logic", op, Children: [l, r])),
            (1, from x in number from lo in number from hi in number select new RefNode("call", "between", Children: [x, lo, hi])),
            (2, from op in Gen.Elements("cross_above", "cross_below") from l in number from r in number
                select new RefNode("call", op, Children: [l, r])));
    }

    public static Gen<double> Value() => Gen.Frequency(
        (6, Gen.Choose(-3, 3).Select(i => (double)i)),
        (3, Gen.Choose(-4000, 4000).Select(i => i / 64.0)),
        (1, Gen.Constant(double.NaN)),
        (1, Gen.Elements(double.PositiveInfinity, double.NegativeInfinity, -0.0)));

    public static Gen<ExpressionCase> Case() =>
        from expression in Gen.OneOf(Boolean(3), Number(3))
        from length in Gen.Choose(0, 40)
        from a in Gen.ArrayOf(Value(), length)
        from b in Gen.ArrayOf(Value(), length)
        from c in Gen.ArrayOf(Value(), length)
        from cut in Gen.Choose(0, length)
        from seed1 in Gen.Choose(0, int.MaxValue)
        from seed2 in Gen.Choose(0, int.MaxValue)
        select new ExpressionCase(expression, new Dictionary<string, double[]> { ["a"] = a, ["b"] = b, ["c"] = c }, length, cut, seed1, seed2);
}
