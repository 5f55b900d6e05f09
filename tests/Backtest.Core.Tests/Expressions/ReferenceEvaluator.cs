namespace Backtest.Core.Tests.Expressions;

/// <summary>
/// The obvious row-by-row interpreter of the documented semantics, written from the spec rather than from the
/// product: value at bar t by recursion on the tree, windows by re-evaluating the argument at earlier bars.
/// Slow and simple on purpose; the vectorised evaluator must agree with it on every bar.
/// </summary>
internal static class ReferenceEvaluator
{
    public static double Number(RefNode node, IReadOnlyDictionary<string, double[]> columns, int t)
    {
        switch (node.Kind)
        {
            case "num": return node.Value;
            case "col": return columns[node.Name][t];
            case "neg": return -Number(node.Args[0], columns, t);
            case "arith":
            {
                var a = Number(node.Args[0], columns, t);
                var b = Number(node.Args[1], columns, t);
                return node.Op switch { "+" => a + b, "-" => a - b, "*" => a * b, "/" => a / b, _ => throw new InvalidOperationException(node.Op) };
            }
            case "call":
                switch (node.Op)
                {
                    case "abs": return Math.Abs(Number(node.Args[0], columns, t));
                    case "min":
                    case "max":
                    {
                        var acc = Number(node.Args[0], columns, t);
                        for (var i = 1; i < node.Args.Length; i++)
                        {
                            var v = Number(node.Args[i], columns, t);
                            acc = node.Op == "min" ? Math.Min(acc, v) : Math.Max(acc, v);
                        }
                        return acc;
                    }
                    case "lag":
                        return t - node.Bars < 0 ? double.NaN : Number(node.Args[0], columns, t - node.Bars);
                    case "highest":
                    case "lowest":
                    {
                        if (t < node.Bars) return double.NaN;
                        var best = node.Op == "highest" ? double.NegativeInfinity : double.PositiveInfinity;
                        for (var j = t - node.Bars; j <= t - 1; j++)
                        {
                            var v = Number(node.Args[0], columns, j);
                            if (double.IsNaN(v)) return double.NaN;
                            best = node.Op == "highest" ? Math.Max(best, v) : Math.Min(best, v);
                        }
                        return best;
                    }
                }
                break;
        }
        throw new InvalidOperationException($"not numeric: {node.Kind} {node.Op}");
    }

    public static bool Bool(RefNode node, IReadOnlyDictionary<string, double[]> columns, int t)
    {
        switch (node.Kind)
        {
            case "bool": return node.Value != 0;
            case "not": return !Bool(node.Args[0], columns, t);
            case "logic":
            {
                var a = Bool(node.Args[0], columns, t);
                var b = Bool(node.Args[1], columns, t);
                return node.Op == "and" ? a && b : a || b;
            }
            case "cmp":
                return Compare(node.Op, Number(node.Args[0], columns, t), Number(node.Args[1], columns, t));
            case "call":
                switch (node.Op)
                {
                    case "between":
                    {
                        var x = Number(node.Args[0], columns, t);
                        return Number(node.Args[1], columns, t) <= x && x <= Number(node.Args[2], columns, t);
                    }
                    case "cross_above":
                    case "cross_below":
                    {
                        if (t == 0) return false;
                        var a = Number(node.Args[0], columns, t);
                        var b = Number(node.Args[1], columns, t);
                        var a1 = Number(node.Args[0], columns, t - 1);
                        var b1 = Number(node.Args[1], columns, t - 1);
                        return node.Op == "cross_above" ? a > b && a1 <= b1 : a < b && a1 >= b1;
                    }
                }
                break;
        }
        throw new InvalidOperationException($"not boolean: {node.Kind} {node.Op}");
    }

    /// <summary>Any comparison involving NaN is false, `!=` included.</summary>
    private static bool Compare(string op, double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b)) return false;
        return op switch { "<" => a < b, "<=" => a <= b, ">" => a > b, ">=" => a >= b, "==" => a == b, "!=" => a != b, _ => throw new InvalidOperationException(op) };
    }

    /// <summary>Bars of history by the documented rule: windows add k, crossings add 1, nesting adds up.</summary>
    public static int Lookback(RefNode node)
    {
        var inner = node.Args.Length == 0 ? 0 : node.Args.Max(Lookback);
        if (node.Kind != "call") return inner;
        return node.Op switch
        {
            "lag" or "highest" or "lowest" => inner + node.Bars,
            "cross_above" or "cross_below" => inner + 1,
            _ => inner,
        };
    }

    /// <summary>Distinct column names, sorted ordinally.</summary>
    public static string[] Names(RefNode node)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        Collect(node);
        return names.ToArray();

        void Collect(RefNode n)
        {
            if (n.Kind == "col") names.Add(n.Name);
            foreach (var child in n.Args) Collect(child);
        }
    }
}
