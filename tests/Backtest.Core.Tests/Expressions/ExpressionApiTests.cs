using Backtest.Core.Bars;
using Backtest.Core.Expressions;
using Backtest.Core.Time;

namespace Backtest.Core.Tests.Expressions;

/// <summary>The parts of the API the vectors do not reach: nesting limits, messages, column checks, adapters.</summary>
public sealed class ExpressionApiTests
{
    [Theory]
    [InlineData("(", ")")]
    [InlineData("-(", ")")]
    [InlineData("abs(", ")")]
    public void Nesting_up_to_the_limit_parses_and_one_more_level_fails_at_its_column(string open, string close)
    {
        string Nest(int levels) => string.Concat(Enumerable.Repeat(open, levels)) + "x" + string.Concat(Enumerable.Repeat(close, levels));

        Expression.Parse(Nest(128));
        var ex = Assert.Throws<ExpressionException>(() => Expression.Parse(Nest(300)));
        Assert.Equal("expression is nested too deeply (more than 256 levels of parentheses, calls or operators)", ex.Reason);
        Assert.True(ex.Column > 1 && ex.Column <= 300 * open.Length, $"column {ex.Column}");
    }

    [Fact]
    public void Nested_not_and_arithmetic_chains_count_towards_the_limit()
    {
        Expression.Parse(string.Concat(Enumerable.Repeat("not ", 200)) + "x > 1");
        Expression.Parse(string.Join(" + ", Enumerable.Repeat("x", 200)));
        var exNot = Assert.Throws<ExpressionException>(() => Expression.Parse(string.Concat(Enumerable.Repeat("not ", 300)) + "x > 1"));
        Assert.Equal(1 + 4 * 256, exNot.Column); // the 257th "not"
        var exChain = Assert.Throws<ExpressionException>(() => Expression.Parse(string.Join(" + ", Enumerable.Repeat("x", 300))));
        Assert.Equal(3 + 4 * 256, exChain.Column); // the 257th "+" (at 0-based 2 + 4·256)
        Assert.Equal(1, exChain.Length);
    }

    [Fact]
    public void Message_names_the_column_and_quotes_the_expression()
    {
        var ex = Assert.Throws<ExpressionException>(() => Expression.Parse("cross_above(close, hihgest(high, 20))"));
        Assert.Equal("expression error at column 20 of 'cross_above(close, hihgest(high, 20))': unknown function 'hihgest' (did you mean 'highest'?)", ex.Message);
        Assert.Equal("expression error at column 3: bad", new ExpressionException(3, 1, "bad").Message);
    }

    [Fact]
    public void Exception_rejects_a_column_before_1()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExpressionException(0, 1, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExpressionException(1, -1, "x"));
    }

    [Fact]
    public void Parse_rejects_null() => Assert.Throws<ArgumentNullException>(() => Expression.Parse(null!));

    [Fact]
    public void Equality_follows_the_canonical_text()
    {
        Assert.Equal(Expression.Parse("a>1 and(b<2)"), Expression.Parse("(a > 1) and b < 2"));
        Assert.NotEqual(Expression.Parse("a > 1"), Expression.Parse("a >= 1"));
        Assert.Equal("(a > 1) and b < 2", Expression.Parse("(a > 1) and b < 2").Source);
    }

    [Fact]
    public void A_missing_column_fails_before_evaluation_naming_it()
    {
        var parsed = Expression.Parse("close > 1 and rv_1h_z > 3");
        var columns = new ColumnSet(new Dictionary<string, double[]> { ["close"] = [1, 2, 3] });
        var ex = Assert.Throws<ColumnEvaluationException>(() => parsed.EvaluateBool(columns, 3));
        Assert.Equal("rv_1h_z", ex.Identifier);
        Assert.Equal("cannot evaluate 'close > 1 and rv_1h_z > 3': it reads 'rv_1h_z' but no column of that name was supplied", ex.Message);
    }

    [Fact]
    public void A_column_of_the_wrong_length_fails_naming_both_lengths()
    {
        var parsed = Expression.Parse("close + 1");
        var columns = new ColumnSet(new Dictionary<string, double[]> { ["close"] = [1, 2, 3] });
        var ex = Assert.Throws<ColumnEvaluationException>(() => parsed.EvaluateNumber(columns, 4));
        Assert.Equal("cannot evaluate 'close + 1': column 'close' has 3 values but 4 bars are evaluated", ex.Message);
    }

    [Fact]
    public void Typed_entry_points_refuse_the_other_type()
    {
        var columns = new ColumnSet(new Dictionary<string, double[]> { ["close"] = [1] });
        Assert.Throws<InvalidOperationException>(() => Expression.Parse("close + 1").EvaluateBool(columns, 1));
        Assert.Throws<InvalidOperationException>(() => Expression.Parse("close > 1").EvaluateNumber(columns, 1));
    }

    [Fact]
    public void Zero_bars_evaluate_to_empty_arrays()
    {
        var columns = new ColumnSet(new Dictionary<string, double[]> { ["close"] = [] });
        Assert.Empty(Expression.Parse("cross_above(close, highest(close, 3)) or true").EvaluateBool(columns, 0));
        Assert.Empty(Expression.Parse("lag(close, 2) * 2").EvaluateNumber(columns, 0));
    }

    [Fact]
    public void Results_are_fresh_arrays_and_inputs_are_not_modified()
    {
        var close = new[] { 1.0, 2, 3, 4, 5, 6 };
        var copy = close.ToArray();
        var columns = new ColumnSet(new Dictionary<string, double[]> { ["close"] = close });
        var parsed = Expression.Parse("-abs(highest(close, 2) - lag(close, 1))");
        var first = parsed.EvaluateNumber(columns, 6);
        first[3] = 99;
        Assert.Equal(copy, close);
        Assert.NotEqual(99, parsed.EvaluateNumber(columns, 6)[3]);
    }

    [Fact]
    public void Long_columns_take_the_vector_path_and_agree_with_a_plain_loop()
    {
        // 1,003 bars: not a multiple of 4, so the AVX body and the scalar tail both run.
        var n = 1003;
        var a = new double[n];
        var b = new double[n];
        for (var i = 0; i < n; i++)
        {
            a[i] = i % 7 == 0 ? double.NaN : (i * 37 % 11) - 5;
            b[i] = (i * 13 % 9) - 4;
        }
        var columns = new ColumnSet(new Dictionary<string, double[]> { ["a"] = a, ["b"] = b });
        string[] ops = ["<", "<=", ">", ">=", "==", "!="];
        foreach (var op in ops)
        {
            var vv = Expression.Parse($"a {op} b").EvaluateBool(columns, n);
            var vs = Expression.Parse($"a {op} 1").EvaluateBool(columns, n);
            var sv = Expression.Parse($"1 {op} b").EvaluateBool(columns, n);
            for (var i = 0; i < n; i++)
            {
                Assert.Equal(Plain(op, a[i], b[i]), vv[i]);
                Assert.Equal(Plain(op, a[i], 1), vs[i]);
                Assert.Equal(Plain(op, 1, b[i]), sv[i]);
            }
        }

        static bool Plain(string op, double x, double y) => !double.IsNaN(x) && !double.IsNaN(y) && op switch
        {
            "<" => x < y, "<=" => x <= y, ">" => x > y, ">=" => x >= y, "==" => x == y, _ => x != y,
        };
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(20)]
    [InlineData(333)]
    [InlineData(998)]
    [InlineData(999)]
    [InlineData(1000)]
    [InlineData(5000)]
    public void Rolling_windows_agree_with_a_naive_scan_on_long_columns(int k)
    {
        // 999 bars: blocks of k rarely divide n; NaN runs and ±Infinity sprinkled in.
        var n = 999;
        var x = new double[n];
        for (var i = 0; i < n; i++)
            x[i] = i % 97 is 13 or 14 ? double.NaN : i % 211 == 5 ? double.NegativeInfinity : Math.Sin(i * 0.37) * 100 + (i * 7 % 5);
        var columns = new ColumnSet(new Dictionary<string, double[]> { ["x"] = x });
        var highest = Expression.Parse($"highest(x, {k})").EvaluateNumber(columns, n);
        var lowest = Expression.Parse($"lowest(x, {k})").EvaluateNumber(columns, n);
        for (var t = 0; t < n; t++)
        {
            double hi = double.NaN, lo = double.NaN;
            if (t >= k)
            {
                hi = double.NegativeInfinity;
                lo = double.PositiveInfinity;
                for (var j = t - k; j < t; j++)
                {
                    if (double.IsNaN(x[j])) { hi = lo = double.NaN; break; }
                    hi = Math.Max(hi, x[j]);
                    lo = Math.Min(lo, x[j]);
                }
            }
            Assert.True(hi.Equals(highest[t]), $"highest k={k} bar {t}: {highest[t]}, expected {hi}");
            Assert.True(lo.Equals(lowest[t]), $"lowest k={k} bar {t}: {lowest[t]}, expected {lo}");
        }
    }

    [Fact]
    public void Bar_frame_columns_expose_bar_fields_and_features()
    {
        var bars = Bars(3);
        var columns = new BarFrameColumns(bars, new Dictionary<string, double[]> { ["rv_1h_z"] = [0, 4, 5] });
        var when = Expression.Parse("close > open and rv_1h_z > 3 and funding_rate == 0").EvaluateBool(columns, 3);
        Assert.Equal([false, true, true], when);
        Assert.False(columns.TryGetColumn("nope", out _));
    }

    [Fact]
    public void A_feature_may_not_shadow_a_bar_field_or_have_another_length()
    {
        var bars = Bars(3);
        Assert.Throws<ArgumentException>(() => new BarFrameColumns(bars, new Dictionary<string, double[]> { ["close"] = [1, 2, 3] }));
        Assert.Throws<ArgumentException>(() => new BarFrameColumns(bars, new Dictionary<string, double[]> { ["f"] = [1, 2] }));
    }

    private static BarFrame Bars(int n)
    {
        var ts = Enumerable.Range(1, n).Select(i => i * 300_000L).ToArray();
        double[] Col(Func<int, double> f) => Enumerable.Range(0, n).Select(f).ToArray();
        return new BarFrame("BTCUSDT", new Timeframe(5), ts,
            Open: Col(i => 10 + i), High: Col(i => 12 + i), Low: Col(i => 9 + i), Close: Col(i => 10 + 2 * i),
            Volume: Col(_ => 1), QuoteVolume: Col(_ => 10), FundingRate: Col(_ => 0), FundingIntervalHours: Col(_ => 0),
            OpenInterest: Col(_ => double.NaN), IsFilled: new bool[n]);
    }
}
