using Backtest.Stages.Reporting.Charts;

namespace Backtest.Stages.Tests.Reporting;

/// <summary>Hand-computed value axes (vectors/reporting/nice_scale.csv) and the properties every axis must have.</summary>
public sealed class NiceScaleVectorTests
{
    private const string File = "nice_scale.csv";

    public static IEnumerable<object[]> Cases() => ReportVectors.Cases(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Vector(string name)
    {
        var row = ReportVectors.Row(File, name);
        var scale = NiceScale.Create(ReportVectors.Number(row["min"]), ReportVectors.Number(row["max"]),
            int.Parse(row["target"], System.Globalization.CultureInfo.InvariantCulture), ReportVectors.Number(row["flat_pad"]));
        var expected = row["ticks"].Split(' ').Select(ReportVectors.Number).ToArray();

        Assert.Equal(expected.Length, scale.Ticks.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Close(expected[i], scale.Ticks[i]), $"{name}: tick {i} is {scale.Ticks[i]:R}, expected {expected[i]:R}");
        var step = ReportVectors.Number(row["step"]);
        if (double.IsNaN(step)) Assert.True(double.IsNaN(scale.Step), $"{name}: step {scale.Step:R}, expected a raw scale");
        else Assert.True(Close(step, scale.Step), $"{name}: step {scale.Step:R}, expected {step:R}");
        Assert.Equal(scale.Ticks[0], scale.Min);
        Assert.Equal(scale.Ticks[^1], scale.Max);
        Assert.DoesNotContain(scale.Ticks, t => double.IsNegative(t) && t == 0);   // no -0 label
    }

    [Fact]
    public void Nice_scales_cover_the_data_with_a_few_round_ticks()
    {
        // A deterministic sweep of magnitudes and offsets.
        for (var e = -8; e <= 12; e++)
            foreach (var (a, b) in new[] { (0.0, 1.0), (-3.7, 2.2), (1.01, 1.02), (-9.9, -0.1), (123.0, 987.0) })
            {
                var lo = a * Math.Pow(10, e);
                var hi = b * Math.Pow(10, e);
                var s = NiceScale.Create(lo, hi);
                Assert.True(s.Min <= lo && s.Max >= hi, $"[{lo}, {hi}] not covered by [{s.Min}, {s.Max}]");
                Assert.InRange(s.Ticks.Length, 3, 8);
                var mantissa = s.Step / Math.Pow(10, Math.Floor(Math.Log10(s.Step)));
                Assert.Contains(Math.Round(mantissa, 9), new[] { 1.0, 2.0, 5.0 });
                Assert.Equal(0.0, s.Fraction(s.Min), 12);
                Assert.Equal(1.0, s.Fraction(s.Max), 12);
            }
    }

    [Fact]
    public void Bad_bounds_are_refused()
    {
        Assert.Throws<ArgumentException>(() => NiceScale.Create(double.NaN, 1));
        Assert.Throws<ArgumentException>(() => NiceScale.Create(0, double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => NiceScale.Create(2, 1));
    }

    private static bool Close(double expected, double actual) =>
        expected == actual || Math.Abs(expected - actual) <= 1e-12 * Math.Max(Math.Abs(expected), Math.Abs(actual));
}
