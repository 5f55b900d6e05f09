using System.Globalization;

namespace Backtest.Core.Tests.Expressions;

/// <summary>One random trial: an expression, its columns, a truncation point and two decoration seeds.</summary>
internal sealed record ExpressionCase(RefNode Expression, Dictionary<string, double[]> Columns, int Length, int Cut, int Seed1, int Seed2)
{
    public override string ToString() =>
        $"{Expression} | n={Length} cut={Cut} | " + string.Join(" | ", Columns.Select(kv =>
            kv.Key + "=[" + string.Join(",", kv.Value.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]"));
}
