using System.Text.Json;
using Backtest.Core.Expressions;

namespace Backtest.Core.Tests.Expressions;

/// <summary>
/// One parameterised test over every case in vectors/expressions/*.json: an expected error (exact column,
/// length, message) or an expected type, canonical text, names, lookback and evaluated values.
/// </summary>
public sealed class ExpressionVectorTests
{
    public static IEnumerable<object[]> Cases() => ExpressionVectorFile.Cases(ExpressionVectorFile.Folder);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vector(string file, string name)
    {
        var (c, root) = ExpressionVectorFile.Find(ExpressionVectorFile.Folder, file, name);
        var source = c.GetProperty("source").GetString()!;

        if (c.TryGetProperty("error", out var error))
        {
            var ex = Assert.Throws<ExpressionException>(() => Parse(source, c));
            Assert.Equal(error.GetProperty("message").GetString(), ex.Reason);
            Assert.Equal(error.GetProperty("column").GetInt32(), ex.Column);
            Assert.Equal(error.GetProperty("length").GetInt32(), ex.Length);
            Assert.Equal(source, ex.ExpressionText);
            return;
        }

        var parsed = Parse(source, c);
        if (c.TryGetProperty("type", out var type))
            Assert.Equal(type.GetString() == "boolean" ? ExpressionType.Boolean : ExpressionType.Number, parsed.ResultType);
        if (c.TryGetProperty("canonical", out var canonical))
            Assert.Equal(canonical.GetString(), parsed.ToString());
        if (c.TryGetProperty("identifiers", out var identifiers))
            Assert.Equal(ExpressionVectorFile.Strings(identifiers), parsed.Identifiers);
        if (c.TryGetProperty("lookback", out var lookback))
            Assert.Equal(lookback.GetInt32(), parsed.MaxLookback);

        // The canonical text is a fixed point and means the same expression.
        var reparsed = Expression.Parse(parsed.ToString());
        Assert.Equal(parsed.ToString(), reparsed.ToString());
        Assert.Equal(parsed, reparsed);

        if (!c.TryGetProperty("expected", out var expected)) return;
        var columnsElement = c.TryGetProperty("columns", out var own) ? own : root.GetProperty("columns");
        var columns = ExpressionVectorFile.Columns(columnsElement);
        var length = columns.Values.First().Length;
        var source2 = new ColumnSet(columns);
        foreach (var evaluated in new[] { parsed, reparsed })
        {
            if (evaluated.ResultType == ExpressionType.Boolean)
            {
                var want = expected.EnumerateArray().Select(e => e.GetBoolean()).ToArray();
                Assert.Equal(want, evaluated.EvaluateBool(source2, length));
                Assert.Equal(want, (bool[])evaluated.Evaluate(source2, length));
            }
            else
            {
                var want = ExpressionVectorFile.Numbers(expected);
                var got = evaluated.EvaluateNumber(source2, length);
                Assert.Equal(want.Length, got.Length);
                for (var t = 0; t < want.Length; t++)
                    Assert.True(want[t].Equals(got[t]), $"bar {t}: expected {want[t]}, got {got[t]}");
                Assert.Equal(got, (double[])evaluated.Evaluate(source2, length));
            }
        }
    }

    private static ParsedExpression Parse(string source, JsonElement c)
    {
        var known = c.TryGetProperty("known", out var k) ? ExpressionVectorFile.Strings(k).ToHashSet(StringComparer.Ordinal) : null;
        if (!c.TryGetProperty("expect_type", out var expect))
        {
            return known is null
                ? Expression.Parse(source)
                : Expression.Parse(source, ExpressionType.Boolean, known);
        }
        var expected = expect.GetString() == "boolean" ? ExpressionType.Boolean : ExpressionType.Number;
        return Expression.Parse(source, expected, known);
    }
}
