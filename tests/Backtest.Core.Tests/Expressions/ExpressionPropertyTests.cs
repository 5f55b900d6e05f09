using Backtest.Core.Expressions;
using FsCheck;
using FsCheck.Fluent;

namespace Backtest.Core.Tests.Expressions;

/// <summary>
/// Properties over random expressions and columns: the vectorised evaluator agrees bar for bar with the
/// row-by-row reference; canonical text is formatting-insensitive, idempotent and meaning-preserving;
/// values are point-in-time (removing later bars changes nothing before them).
/// </summary>
public sealed class ExpressionPropertyTests
{
    private static readonly Config Trials = Config.QuickThrowOnFailure.WithMaxTest(400);

    [Fact]
    public void Vectorised_evaluation_matches_the_row_by_row_reference()
    {
        Prop.ForAll(ExpressionGenerators.Case().ToArbitrary(), c =>
        {
            var source = ExpressionRenderer.Render(c.Expression, new Random(c.Seed1), decorate: true);
            var parsed = Expression.Parse(source);
            Assert.Equal(c.Expression.IsBool ? ExpressionType.Boolean : ExpressionType.Number, parsed.ResultType);
            Assert.Equal(ReferenceEvaluator.Names(c.Expression), parsed.Identifiers);
            Assert.Equal(ReferenceEvaluator.Lookback(c.Expression), parsed.MaxLookback);
            AssertMatchesReference(c, parsed, c.Length);
        }).Check(Trials);
    }

    [Fact]
    public void Canonical_text_ignores_formatting_is_idempotent_and_keeps_the_meaning()
    {
        Prop.ForAll(ExpressionGenerators.Case().ToArbitrary(), c =>
        {
            var first = Expression.Parse(ExpressionRenderer.Render(c.Expression, new Random(c.Seed1), decorate: true));
            var second = Expression.Parse(ExpressionRenderer.Render(c.Expression, new Random(c.Seed2), decorate: true));
            var plain = Expression.Parse(ExpressionRenderer.Render(c.Expression, new Random(0), decorate: false));
            var canonical = first.ToString();
            Assert.Equal(canonical, second.ToString());
            Assert.Equal(canonical, plain.ToString());
            var reparsed = Expression.Parse(canonical);
            Assert.Equal(canonical, reparsed.ToString());
            Assert.Equal(first, reparsed);
            Assert.Equal(first.GetHashCode(), reparsed.GetHashCode());
            // The minimal-parentheses text must evaluate exactly like the fully parenthesised one.
            AssertMatchesReference(c, reparsed, c.Length);
        }).Check(Trials);
    }

    [Fact]
    public void Values_are_point_in_time_under_truncation()
    {
        Prop.ForAll(ExpressionGenerators.Case().ToArbitrary(), c =>
        {
            var parsed = Expression.Parse(ExpressionRenderer.Render(c.Expression, new Random(c.Seed1), decorate: false));
            var full = new ColumnSet(c.Columns);
            var truncated = new ColumnSet(c.Columns.ToDictionary(kv => kv.Key, kv => kv.Value[..c.Cut]));
            if (parsed.ResultType == ExpressionType.Boolean)
            {
                Assert.Equal(parsed.EvaluateBool(full, c.Length)[..c.Cut], parsed.EvaluateBool(truncated, c.Cut));
            }
            else
            {
                var whole = parsed.EvaluateNumber(full, c.Length);
                var prefix = parsed.EvaluateNumber(truncated, c.Cut);
                for (var t = 0; t < c.Cut; t++)
                    Assert.True(BitConverter.DoubleToInt64Bits(whole[t]) == BitConverter.DoubleToInt64Bits(prefix[t]),
                        $"bar {t} changed when bars ≥ {c.Cut} were removed: {whole[t]} vs {prefix[t]}");
            }
        }).Check(Trials);
    }

    [Fact]
    public void Evaluation_is_deterministic_to_the_bit()
    {
        Prop.ForAll(ExpressionGenerators.Case().ToArbitrary(), c =>
        {
            var parsed = Expression.Parse(ExpressionRenderer.Render(c.Expression, new Random(c.Seed1), decorate: false));
            var columns = new ColumnSet(c.Columns);
            if (parsed.ResultType == ExpressionType.Boolean)
            {
                Assert.Equal(parsed.EvaluateBool(columns, c.Length), parsed.EvaluateBool(columns, c.Length));
            }
            else
            {
                var first = parsed.EvaluateNumber(columns, c.Length).Select(BitConverter.DoubleToInt64Bits);
                var second = parsed.EvaluateNumber(columns, c.Length).Select(BitConverter.DoubleToInt64Bits);
                Assert.Equal(first, second);
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));
    }

    private static void AssertMatchesReference(ExpressionCase c, ParsedExpression parsed, int length)
    {
        var columns = new ColumnSet(c.Columns);
        if (parsed.ResultType == ExpressionType.Boolean)
        {
            var got = parsed.EvaluateBool(columns, length);
            for (var t = 0; t < length; t++)
            {
                var want = ReferenceEvaluator.Bool(c.Expression, c.Columns, t);
                Assert.True(want == got[t], $"'{parsed}' bar {t}: reference {want}, vectorised {got[t]}");
            }
        }
        else
        {
            var got = parsed.EvaluateNumber(columns, length);
            for (var t = 0; t < length; t++)
            {
                var want = ReferenceEvaluator.Number(c.Expression, c.Columns, t);
                // Equals: NaN equals NaN; +0 equals -0 (min/max may pick either zero on ties).
                Assert.True(want.Equals(got[t]), $"'{parsed}' bar {t}: reference {want}, vectorised {got[t]}");
            }
        }
    }
}
