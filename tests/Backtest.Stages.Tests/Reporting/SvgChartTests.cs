using System.Globalization;
using System.Text.RegularExpressions;
using Backtest.Stages.Reporting.Charts;

namespace Backtest.Stages.Tests.Reporting;

/// <summary>Chart edge cases: empty, flat, NaN, single point or bar, negative values, huge ranges; every coordinate finite and inside the drawing.</summary>
public sealed partial class SvgChartTests
{
    private static readonly ChartFrame Frame = new("equity", "Equity", 300, "no trades in the out-of-sample period", "caption");

    [Fact]
    public void Empty_series_renders_the_message_panel()
    {
        var svg = SvgChart.TimeLines(Frame, [], [new ChartLine("s", [], ChartInk.Accent)], AxisFormat.Amount);
        Assert.Contains("data-chart=\"equity\" data-points=\"0\"", svg);
        Assert.Contains(">no trades in the out-of-sample period</text>", svg);
        Assert.DoesNotContain("class=\"mark", svg);
        AssertGeometry(svg, 300);
    }

    [Fact]
    public void All_nan_series_is_empty_too()
    {
        var svg = SvgChart.TimeArea(Frame, ReportFixtures.Days(3), new ChartLine("dd", [double.NaN, double.NaN, double.PositiveInfinity], ChartInk.Loss), AxisFormat.Percent);
        Assert.Contains("data-points=\"0\"", svg);
        Assert.DoesNotContain("class=\"mark", svg);
    }

    [Fact]
    public void Flat_series_is_drawn_in_the_middle_of_a_padded_axis()
    {
        var ts = ReportFixtures.Days(50);
        var flat = Enumerable.Repeat(100_000.0, 50).ToArray();
        var svg = SvgChart.TimeLines(Frame, ts, [new ChartLine("s", flat, ChartInk.Accent)], AxisFormat.Amount);
        Assert.Contains("data-points=\"50\"", svg);
        AssertGeometry(svg, 300);
        var ys = PathPoints(svg).Select(p => p.Y).Distinct().ToArray();
        Assert.Single(ys);
        Assert.InRange(ys[0], 56 + 0.4 * (300 - 34 - 56), 56 + 0.6 * (300 - 34 - 56));
        Assert.Contains(">100k</text>", svg);
    }

    [Fact]
    public void Flat_zero_drawdown_is_drawn_at_zero()
    {
        var svg = SvgChart.TimeArea(Frame with { Kind = "drawdown" }, ReportFixtures.Days(10), new ChartLine("dd", new double[10], ChartInk.Loss), AxisFormat.Percent);
        Assert.Contains("data-points=\"10\"", svg);
        AssertGeometry(svg, 300);
        Assert.Contains(">0%</text>", svg);
        Assert.Contains(">-1.0%</text>", svg);
        Assert.DoesNotContain(">0.2%</text>", svg);    // nothing above zero
        var ys = PathPoints(svg).Select(p => p.Y).Distinct().ToArray();
        Assert.Equal([56.0], ys);   // line and area sit on zero, the top of the axis
    }

    [Fact]
    public void Nan_values_are_skipped_and_break_the_line()
    {
        double[] v = [1, double.NaN, 3, 4, double.NaN, 6];
        var svg = SvgChart.TimeLines(Frame, ReportFixtures.Days(6), [new ChartLine("s", v, ChartInk.Accent)], AxisFormat.Amount);
        Assert.Contains("data-points=\"4\"", svg);
        var chart = Assert.Single(ChartDom.Charts(svg));
        Assert.Equal(2, chart.Dots);        // 1 and 6 stand alone
        Assert.Equal(1, chart.Lines);       // 3 → 4
        Assert.Equal(4, chart.Vertices);
        var d = PathData(svg).Single();
        Assert.Equal(3, d.Count(c => c == 'M'));
        AssertGeometry(svg, 300);
    }

    [Fact]
    public void Single_point_is_a_centred_dot()
    {
        var svg = SvgChart.TimeLines(Frame, ReportFixtures.Days(1), [new ChartLine("s", [5.0], ChartInk.Accent)], AxisFormat.Amount);
        Assert.Contains("data-points=\"1\"", svg);
        var dot = DotRegex().Match(svg);
        Assert.True(dot.Success);
        Assert.Equal((84 + 936) / 2.0, double.Parse(dot.Groups["cx"].Value, CultureInfo.InvariantCulture));
        Assert.Contains(">2024-01-01 00:00</text>", svg);
    }

    [Fact]
    public void Single_fold_is_one_bar()
    {
        var svg = SvgChart.Bars(Frame with { Kind = "folds" }, [new ChartBar("F1", 0.031)], AxisFormat.Percent);
        var chart = Assert.Single(ChartDom.Charts(svg));
        Assert.Equal(1, chart.Points);
        Assert.Equal(1, chart.Bars);
        Assert.Contains(">+3.10%</text>", svg);
        AssertGeometry(svg, 300);
    }

    [Fact]
    public void Negative_bars_hang_below_zero_in_the_loss_colour()
    {
        var svg = SvgChart.Bars(Frame with { Kind = "folds" }, [new ChartBar("F1", -0.02), new ChartBar("F2", -0.05), new ChartBar("F3", double.NaN)], AxisFormat.Percent);
        Assert.Contains("data-points=\"2\"", svg);
        var rects = BarRegex().Matches(svg);
        Assert.Equal(2, rects.Count);
        Assert.All(rects, r => Assert.Equal(SvgChart.Loss, r.Groups["fill"].Value));
        var top = rects.Select(r => double.Parse(r.Groups["y"].Value, CultureInfo.InvariantCulture)).Distinct().Single();
        Assert.Equal(56, top);   // zero is the top of the axis
        Assert.Contains(">n/a</text>", svg);
        AssertGeometry(svg, 300);
    }

    [Fact]
    public void Zero_bar_is_a_visible_hairline()
    {
        var svg = SvgChart.HorizontalBars(Frame with { Kind = "costs", Height = SvgChart.HorizontalBarsHeight(2) },
            [new ChartBar("Fees", -10), new ChartBar("Borrow", 0)], AxisFormat.Amount);
        var chart = Assert.Single(ChartDom.Charts(svg));
        Assert.Equal(2, chart.Bars);
        Assert.Contains("width=\"1\"", svg);
        AssertGeometry(svg, SvgChart.HorizontalBarsHeight(2));
    }

    [Theory]
    [InlineData(1e-9, 1e12)]
    [InlineData(-1e300, 1e300)]
    [InlineData(-1.5e308, 1.5e308)]
    [InlineData(1e308, 1e308)]
    [InlineData(4.9e-324, 4.9e-324)]
    public void Huge_ranges_keep_every_coordinate_finite(double low, double high)
    {
        double[] v = [low, high, low / 2 + high / 2];
        foreach (var format in new[] { AxisFormat.Amount, AxisFormat.Percent })
        {
            var lines = SvgChart.TimeLines(Frame, ReportFixtures.Days(3), [new ChartLine("s", v, ChartInk.Accent)], format);
            AssertGeometry(lines, 300);
            Assert.Contains("data-points=\"3\"", lines);
            var bars = SvgChart.Bars(Frame with { Kind = "folds" }, v.Select((x, i) => new ChartBar($"F{i}", x)).ToArray(), format);
            AssertGeometry(bars, 300);
            var horizontal = SvgChart.HorizontalBars(Frame with { Kind = "costs", Height = SvgChart.HorizontalBarsHeight(3) },
                v.Select((x, i) => new ChartBar($"C{i}", x)).ToArray(), format);
            AssertGeometry(horizontal, SvgChart.HorizontalBarsHeight(3));
        }
    }

    [Fact]
    public void Strategy_and_benchmark_are_drawn_differently_with_a_legend()
    {
        var ts = ReportFixtures.Days(3);
        var svg = SvgChart.TimeLines(Frame, ts, [new ChartLine("Strategy", [1, 2, 3], ChartInk.Accent), new ChartLine("Buy and hold", [1, 1.5, 2], ChartInk.Benchmark)], AxisFormat.Amount);
        Assert.Contains(">Strategy</text>", svg);
        Assert.Contains(">Buy and hold</text>", svg);
        Assert.Contains($"stroke=\"{SvgChart.Accent}\" stroke-width=\"2\"", svg);
        Assert.Contains($"stroke=\"{SvgChart.Benchmark}\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"", svg);
        // the strategy (first line) is drawn last, on top
        Assert.True(svg.LastIndexOf(SvgChart.Accent + "\" stroke-width=\"2\"", StringComparison.Ordinal) > svg.LastIndexOf("stroke-dasharray=\"6 4\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Time_axis_labels_are_utc_months()
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var ts = Enumerable.Range(0, 366).Select(i => start + i * 86_400_000L).ToArray();
        var svg = SvgChart.TimeLines(Frame, ts, [new ChartLine("s", ts.Select(t => 1.0 + t % 7).ToArray(), ChartInk.Accent)], AxisFormat.Amount);
        foreach (var month in new[] { "2024-01", "2024-03", "2024-05", "2024-07", "2024-09", "2024-11" })
            Assert.Contains($">{month}</text>", svg);
    }

    [Fact]
    public void Misaligned_series_is_an_error_naming_the_chart()
    {
        var e = Assert.Throws<ArgumentException>(() => SvgChart.TimeLines(Frame, ReportFixtures.Days(3), [new ChartLine("s", [1.0, 2.0], ChartInk.Accent)], AxisFormat.Amount));
        Assert.Equal("chart 'equity': series 's' has 2 values for 3 timestamps", e.Message);
    }

    [Fact]
    public void Titles_and_labels_are_encoded()
    {
        var svg = SvgChart.Bars(new ChartFrame("folds", "<b>t</b>", 200, "<e>"), [new ChartBar("<x>&", 1)], AxisFormat.Amount);
        Assert.DoesNotContain("<b>", svg);
        Assert.DoesNotContain("<x>", svg);
        Assert.Contains("&lt;x&gt;&amp;", svg);
    }

    /// <summary>Every number in a geometry attribute or path is finite and inside the drawing (0..960 × 0..height).</summary>
    private static void AssertGeometry(string svg, int height)
    {
        Assert.DoesNotContain("NaN", svg);
        Assert.DoesNotContain("Infinity", svg);
        Assert.DoesNotContain("∞", svg);
        foreach (Match m in GeometryRegex().Matches(svg))
        {
            var name = m.Groups["name"].Value;
            var value = double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
            var limit = name is "y" or "y1" or "y2" or "cy" or "height" ? height : 960;
            Assert.InRange(value, 0, limit);
        }
        foreach (var (x, y) in PathPoints(svg))
        {
            Assert.InRange(x, 0, 960);
            Assert.InRange(y, 0, height);
        }
    }

    private static IEnumerable<string> PathData(string svg) => PathRegex().Matches(svg).Select(m => m.Groups["d"].Value);

    private static IEnumerable<(double X, double Y)> PathPoints(string svg)
    {
        foreach (var d in PathData(svg))
        {
            var numbers = NumberRegex().Matches(d).Select(n => double.Parse(n.Value, CultureInfo.InvariantCulture)).ToArray();
            Assert.True(numbers.Length % 2 == 0, $"odd coordinate count in path {d}");
            for (var i = 0; i < numbers.Length; i += 2) yield return (numbers[i], numbers[i + 1]);
        }
    }

    [GeneratedRegex(" (?<name>x|y|x1|y1|x2|y2|cx|cy|width|height)=\"(?<value>[^\"]*)\"")]
    private static partial Regex GeometryRegex();

    [GeneratedRegex("<path class=\"mark[^\"]*\" d=\"(?<d>[^\"]*)\"")]
    private static partial Regex PathRegex();

    [GeneratedRegex("-?\\d+(?:\\.\\d+)?(?:E[-+]?\\d+)?")]
    private static partial Regex NumberRegex();

    [GeneratedRegex("<circle class=\"mark dot\" cx=\"(?<cx>[^\"]*)\"")]
    private static partial Regex DotRegex();

    [GeneratedRegex("<rect class=\"mark bar\" x=\"[^\"]*\" y=\"(?<y>[^\"]*)\"[^>]*fill=\"(?<fill>[^\"]*)\"")]
    private static partial Regex BarRegex();
}
