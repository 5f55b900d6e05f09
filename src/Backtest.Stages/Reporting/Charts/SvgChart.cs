using System.Globalization;
using System.Text;

namespace Backtest.Stages.Reporting.Charts;

/// <summary>
/// Server-side SVG charts for the report (time lines, a drawdown area, vertical and horizontal bars), so the
/// page needs no script, no network and no charting library, and renders the same bytes for the same data.
/// Every chart is an <c>&lt;svg&gt;</c> carrying <c>data-chart</c> (its kind) and <c>data-points</c> (plotted
/// points or bars); data marks have class <c>mark</c>. A chart with nothing to plot becomes an explicit panel
/// with the frame's message and <c>data-points="0"</c>, never a blank plot.
/// </summary>
public static class SvgChart
{
    /// <summary>The drawing width in SVG units; the page scales it to the column width.</summary>
    public const int Width = 960;

    internal const string Accent = "#1f4e9c";
    internal const string Benchmark = "#6b7280";
    internal const string Loss = "#c2410c";
    private const string Grid = "#e5e7eb";
    private const string Axis = "#9ca3af";
    private const string Muted = "#4b5563";
    private const string Ink = "#111827";

    private const double Left = 84;
    private const double Right = Width - 24;
    private const double Top = 56;
    private const double BottomMargin = 34;
    private const double RowHeight = 28;

    /// <summary>The height a horizontal bar chart of <paramref name="rows"/> rows needs.</summary>
    public static int HorizontalBarsHeight(int rows) => (int)(Top + RowHeight * Math.Max(rows, 1) + BottomMargin + 4);

    /// <summary>
    /// Lines over a UTC time axis (e.g. strategy against buy-and-hold). The first line is drawn on top;
    /// <c>data-points</c> counts the timestamps where at least one line has a finite value.
    /// </summary>
    public static string TimeLines(ChartFrame frame, long[] ts, IReadOnlyList<ChartLine> lines, AxisFormat format)
    {
        ArgumentNullException.ThrowIfNull(ts);
        foreach (var line in lines) RequireAligned(frame, ts, line);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        long tMin = long.MaxValue, tMax = long.MinValue;
        var points = 0;
        for (var i = 0; i < ts.Length; i++)
        {
            var any = false;
            foreach (var line in lines)
            {
                var v = line.Values[i];
                if (!double.IsFinite(v)) continue;
                any = true;
                if (v < min) min = v;
                if (v > max) max = v;
            }
            if (!any) continue;
            points++;
            if (ts[i] < tMin) tMin = ts[i];
            if (ts[i] > tMax) tMax = ts[i];
        }
        if (points == 0) return Empty(frame);

        var plot = new Plot(Left, Right, Top, frame.Height - BottomMargin);
        var y = NiceScale.Create(min, max, 5, FlatPad(format));
        var sb = Open(frame, points);
        ValueAxis(sb, plot, y, format, zeroLine: false);
        TimeAxisLabels(sb, plot, tMin, tMax);
        var legend = new List<(string, ChartInk, bool)>();
        foreach (var line in lines) legend.Add((line.Name, line.Ink, true));
        Legend(sb, legend);
        for (var k = lines.Count - 1; k >= 0; k--)
            Polyline(sb, plot, y, ts, tMin, tMax, lines[k].Values, lines[k].Ink, area: false);
        return Close(sb, frame);
    }

    /// <summary>A filled area between zero and the series over a UTC time axis (drawdowns); the value axis always includes zero.</summary>
    public static string TimeArea(ChartFrame frame, long[] ts, ChartLine series, AxisFormat format)
    {
        ArgumentNullException.ThrowIfNull(ts);
        RequireAligned(frame, ts, series);
        double min = 0, max = 0;
        long tMin = long.MaxValue, tMax = long.MinValue;
        var points = 0;
        for (var i = 0; i < ts.Length; i++)
        {
            var v = series.Values[i];
            if (!double.IsFinite(v)) continue;
            points++;
            if (v < min) min = v;
            if (v > max) max = v;
            if (ts[i] < tMin) tMin = ts[i];
            if (ts[i] > tMax) tMax = ts[i];
        }
        if (points == 0) return Empty(frame);
        if (min == 0 && max == 0) min = -FlatPad(format);   // a drawdown that never left zero: show zero at the top

        var plot = new Plot(Left, Right, Top, frame.Height - BottomMargin);
        var y = NiceScale.Create(min, max, 4, FlatPad(format));
        var sb = Open(frame, points);
        ValueAxis(sb, plot, y, format, zeroLine: true);
        TimeAxisLabels(sb, plot, tMin, tMax);
        Legend(sb, [(series.Name, series.Ink, true)]);
        Polyline(sb, plot, y, ts, tMin, tMax, series.Values, series.Ink, area: true);
        return Close(sb, frame);
    }

    /// <summary>Vertical bars, one per category, coloured by sign; <c>data-points</c> counts bars with a finite value.</summary>
    public static string Bars(ChartFrame frame, IReadOnlyList<ChartBar> bars, AxisFormat format)
    {
        var (points, min, max) = Domain(bars);
        if (points == 0) return Empty(frame);

        var plot = new Plot(Left, Right, Top, frame.Height - BottomMargin);
        var y = NiceScale.Create(min, max, 5, FlatPad(format));
        var sb = Open(frame, points);
        ValueAxis(sb, plot, y, format, zeroLine: true);
        Legend(sb, [("positive", ChartInk.Accent, false), ("negative", ChartInk.Loss, false)]);

        var n = bars.Count;
        var band = plot.Width / n;
        var barWidth = Math.Min(band * 0.62, 72);
        var labelEvery = (n + 15) / 16;
        var zero = plot.Y(y, 0);
        sb.Append("<g font-size=\"11\" fill=\"").Append(Muted).Append("\" text-anchor=\"middle\">");
        for (var i = 0; i < n; i++)
        {
            var bar = bars[i];
            var cx = plot.Left + band * (i + 0.5);
            if (i % labelEvery == 0)
                Text(sb, cx, plot.Bottom + 16, bar.Label);
            if (!double.IsFinite(bar.Value))
            {
                Text(sb, cx, zero - 4, "n/a");
                continue;
            }
            var top = plot.Y(y, Math.Max(bar.Value, 0));
            var bottom = plot.Y(y, Math.Min(bar.Value, 0));
            if (bottom - top < 1) (top, bottom) = bar.Value >= 0 ? (zero - 1, zero) : (zero, zero + 1);
            var ink = bar.Value >= 0 ? Accent : Loss;
            sb.Append("<rect class=\"mark bar\" x=\"").Append(ChartText.Coord(cx - barWidth / 2))
              .Append("\" y=\"").Append(ChartText.Coord(top))
              .Append("\" width=\"").Append(ChartText.Coord(barWidth))
              .Append("\" height=\"").Append(ChartText.Coord(bottom - top))
              .Append("\" fill=\"").Append(ink).Append("\"><title>")
              .Append(HtmlText.Encode(bar.Label)).Append(": ").Append(ChartText.Value(bar.Value, format))
              .Append("</title></rect>");
            if (n <= 16)
                Text(sb, cx, bar.Value >= 0 ? top - 5 : bottom + 13, ChartText.Value(bar.Value, format));
        }
        sb.Append("</g>");
        return Close(sb, frame);
    }

    /// <summary>
    /// Horizontal bars diverging from zero, one row per component, value printed at the right; an emphasised
    /// row (a total) is bold and set off by a rule. Use <see cref="HorizontalBarsHeight"/> for the frame height.
    /// </summary>
    public static string HorizontalBars(ChartFrame frame, IReadOnlyList<ChartBar> bars, AxisFormat format)
    {
        var (points, min, max) = Domain(bars);
        if (points == 0) return Empty(frame);

        var plot = new Plot(180, Width - 130, Top, frame.Height - BottomMargin);
        var x = NiceScale.Create(min, max, 6, FlatPad(format));
        var sb = Open(frame, points);
        Legend(sb, [("positive", ChartInk.Accent, false), ("negative", ChartInk.Loss, false)]);

        sb.Append("<g font-size=\"11\" fill=\"").Append(Muted).Append("\" text-anchor=\"middle\">");
        foreach (var tick in x.Ticks)
        {
            var px = plot.X(x, tick);
            Line(sb, px, plot.Top, px, plot.Bottom, Grid);
            Text(sb, px, plot.Bottom + 16, ChartText.Tick(tick, x, format));
        }
        sb.Append("</g>");
        var zero = plot.X(x, 0);

        var n = bars.Count;
        var row = plot.Height / n;
        var barHeight = Math.Min(row * 0.62, 18);
        for (var i = 0; i < n; i++)
        {
            var bar = bars[i];
            var cy = plot.Top + row * (i + 0.5);
            var weight = bar.Emphasis ? " font-weight=\"600\"" : "";
            if (bar.Emphasis && i > 0) Line(sb, 12, plot.Top + row * i, Width - 12, plot.Top + row * i, Axis);
            sb.Append("<text x=\"").Append(ChartText.Coord(plot.Left - 12)).Append("\" y=\"").Append(ChartText.Coord(cy + 4))
              .Append("\" font-size=\"12\" text-anchor=\"end\" fill=\"").Append(Ink).Append('"').Append(weight).Append('>')
              .Append(HtmlText.Encode(bar.Label)).Append("</text>");
            sb.Append("<text x=\"").Append(Width - 12).Append("\" y=\"").Append(ChartText.Coord(cy + 4))
              .Append("\" font-size=\"12\" text-anchor=\"end\" fill=\"").Append(Ink).Append('"').Append(weight).Append('>')
              .Append(HtmlText.Encode(ChartText.Value(bar.Value, format))).Append("</text>");
            if (!double.IsFinite(bar.Value)) continue;
            var x0 = plot.X(x, Math.Min(bar.Value, 0));
            var x1 = plot.X(x, Math.Max(bar.Value, 0));
            if (x1 - x0 < 1) (x0, x1) = bar.Value >= 0 ? (zero, zero + 1) : (zero - 1, zero);
            sb.Append("<rect class=\"mark bar\" x=\"").Append(ChartText.Coord(x0))
              .Append("\" y=\"").Append(ChartText.Coord(cy - barHeight / 2))
              .Append("\" width=\"").Append(ChartText.Coord(x1 - x0))
              .Append("\" height=\"").Append(ChartText.Coord(barHeight))
              .Append("\" fill=\"").Append(bar.Value >= 0 ? Accent : Loss).Append('"')
              .Append(bar.Emphasis ? "" : " fill-opacity=\"0.8\"").Append("><title>")
              .Append(HtmlText.Encode(bar.Label)).Append(": ").Append(HtmlText.Encode(ChartText.Value(bar.Value, format)))
              .Append("</title></rect>");
        }
        Line(sb, zero, plot.Top, zero, plot.Bottom, Muted);
        return Close(sb, frame);
    }

    /// <summary>The explicit "nothing to plot" panel: the title, a dashed frame and the frame's message; <c>data-points="0"</c>.</summary>
    public static string Empty(ChartFrame frame)
    {
        var sb = Open(frame, 0);
        var plot = new Plot(Left, Right, Top, frame.Height - BottomMargin);
        sb.Append("<rect x=\"").Append(ChartText.Coord(plot.Left)).Append("\" y=\"").Append(ChartText.Coord(plot.Top))
          .Append("\" width=\"").Append(ChartText.Coord(plot.Width)).Append("\" height=\"").Append(ChartText.Coord(plot.Height))
          .Append("\" fill=\"#f9fafb\" stroke=\"#d1d5db\" stroke-dasharray=\"4 4\"/>");
        sb.Append("<text class=\"empty\" x=\"").Append(ChartText.Coord(plot.Left + plot.Width / 2))
          .Append("\" y=\"").Append(ChartText.Coord(plot.Top + plot.Height / 2 + 5))
          .Append("\" font-size=\"14\" text-anchor=\"middle\" fill=\"").Append(Muted).Append("\">")
          .Append(HtmlText.Encode(frame.EmptyMessage)).Append("</text>");
        return Close(sb, frame);
    }

    private static void RequireAligned(ChartFrame frame, long[] ts, ChartLine line)
    {
        ArgumentNullException.ThrowIfNull(line.Values);
        if (line.Values.Length != ts.Length)
            throw new ArgumentException($"chart '{frame.Kind}': series '{line.Name}' has {line.Values.Length} values for {ts.Length} timestamps");
    }

    private static (int Points, double Min, double Max) Domain(IReadOnlyList<ChartBar> bars)
    {
        double min = 0, max = 0;
        var points = 0;
        foreach (var bar in bars)
        {
            if (!double.IsFinite(bar.Value)) continue;
            points++;
            min = Math.Min(min, bar.Value);
            max = Math.Max(max, bar.Value);
        }
        return (points, min, max);
    }

    private static double FlatPad(AxisFormat format) => format == AxisFormat.Percent ? 0.01 : 1;

    private static StringBuilder Open(ChartFrame frame, int points)
    {
        var sb = new StringBuilder(4096);
        var kind = HtmlText.Encode(frame.Kind);
        sb.Append("<figure class=\"chart chart-").Append(kind).Append("\">\n<svg data-chart=\"").Append(kind)
          .Append("\" data-points=\"").Append(points.ToString(CultureInfo.InvariantCulture))
          .Append("\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(frame.Height)
          .Append("\" width=\"").Append(Width).Append("\" height=\"").Append(frame.Height)
          .Append("\" role=\"img\" aria-label=\"").Append(HtmlText.Encode(frame.Title)).Append("\">")
          .Append("<text class=\"chart-title\" x=\"12\" y=\"24\" font-size=\"15\" font-weight=\"600\" fill=\"").Append(Ink).Append("\">")
          .Append(HtmlText.Encode(frame.Title)).Append("</text>");
        return sb;
    }

    private static string Close(StringBuilder sb, ChartFrame frame)
    {
        sb.Append("</svg>\n");
        if (!string.IsNullOrEmpty(frame.Caption))
            sb.Append("<figcaption>").Append(HtmlText.Encode(frame.Caption)).Append("</figcaption>\n");
        sb.Append("</figure>\n");
        return sb.ToString();
    }

    /// <summary>Legend items left to right under the title: a line sample for series, a square swatch for bar colours.</summary>
    private static void Legend(StringBuilder sb, IReadOnlyList<(string Name, ChartInk Ink, bool IsLine)> items)
    {
        var x = 12.0;
        sb.Append("<g class=\"legend\" font-size=\"12\" fill=\"").Append(Ink).Append("\">");
        foreach (var (name, ink, isLine) in items)
        {
            if (isLine)
            {
                sb.Append("<line x1=\"").Append(ChartText.Coord(x)).Append("\" y1=\"40\" x2=\"").Append(ChartText.Coord(x + 24))
                  .Append("\" y2=\"40\"");
                Stroke(sb, ink);
                sb.Append("/>");
            }
            else
            {
                sb.Append("<rect x=\"").Append(ChartText.Coord(x + 6)).Append("\" y=\"34\" width=\"12\" height=\"12\" fill=\"")
                  .Append(Colour(ink)).Append("\"/>");
            }
            Text(sb, x + 30, 44, name);
            x += 30 + 7.2 * name.Length + 20;
        }
        sb.Append("</g>");
    }

    private static void ValueAxis(StringBuilder sb, Plot plot, NiceScale scale, AxisFormat format, bool zeroLine)
    {
        sb.Append("<g class=\"axis\" font-size=\"11\" fill=\"").Append(Muted).Append("\" text-anchor=\"end\">");
        foreach (var tick in scale.Ticks)
        {
            var py = plot.Y(scale, tick);
            Line(sb, plot.Left, py, plot.Right, py, Grid);
            Text(sb, plot.Left - 8, py + 4, ChartText.Tick(tick, scale, format));
        }
        sb.Append("</g>");
        if (zeroLine && scale.Min <= 0 && scale.Max >= 0)
        {
            var zero = plot.Y(scale, 0);
            Line(sb, plot.Left, zero, plot.Right, zero, Muted);
        }
    }

    private static void TimeAxisLabels(StringBuilder sb, Plot plot, long tMin, long tMax)
    {
        Line(sb, plot.Left, plot.Bottom, plot.Right, plot.Bottom, Axis);
        sb.Append("<g class=\"axis\" font-size=\"11\" fill=\"").Append(Muted).Append("\">");
        foreach (var tick in TimeAxis.Ticks(tMin, tMax))
        {
            var px = plot.TimeX(tick.Ms, tMin, tMax);
            Line(sb, px, plot.Bottom, px, plot.Bottom + 4, Axis);
            var anchor = px < plot.Left + 36 ? "start" : px > plot.Right - 36 ? "end" : "middle";
            sb.Append("<text x=\"").Append(ChartText.Coord(px)).Append("\" y=\"").Append(ChartText.Coord(plot.Bottom + 18))
              .Append("\" text-anchor=\"").Append(anchor).Append("\">").Append(HtmlText.Encode(tick.Label)).Append("</text>");
        }
        sb.Append("</g>");
    }

    /// <summary>
    /// One series as a path broken at NaN gaps (a single isolated point becomes a dot); with <paramref name="area"/>
    /// each run is also filled down to zero.
    /// </summary>
    private static void Polyline(StringBuilder sb, Plot plot, NiceScale y, long[] ts, long tMin, long tMax, double[] values, ChartInk ink, bool area)
    {
        var line = new StringBuilder(values.Length * 14);
        var fill = area ? new StringBuilder(values.Length * 14) : null;
        var dots = new StringBuilder();
        var zero = area ? plot.Y(y, 0) : 0;
        var run = 0;
        double lastX = 0, lastY = 0;
        for (var i = 0; i <= values.Length; i++)
        {
            var finite = i < values.Length && double.IsFinite(values[i]);
            if (!finite)
            {
                if (run == 1) Dot(dots, lastX, lastY, ink);
                if (run > 0 && fill is not null)
                    fill.Append('L').Append(ChartText.Coord(lastX)).Append(' ').Append(ChartText.Coord(zero)).Append('Z');
                run = 0;
                continue;
            }
            var px = plot.TimeX(ts[i], tMin, tMax);
            var py = plot.Y(y, values[i]);
            var xs = ChartText.Coord(px);
            var ys = ChartText.Coord(py);
            line.Append(run == 0 ? 'M' : 'L').Append(xs).Append(' ').Append(ys);
            if (fill is not null)
            {
                if (run == 0) fill.Append('M').Append(xs).Append(' ').Append(ChartText.Coord(zero));
                fill.Append('L').Append(xs).Append(' ').Append(ys);
            }
            lastX = px;
            lastY = py;
            run++;
        }
        if (fill is not null && fill.Length > 0)
            sb.Append("<path class=\"mark area\" d=\"").Append(fill).Append("\" fill=\"").Append(Colour(ink)).Append("\" fill-opacity=\"0.16\" stroke=\"none\"/>");
        if (line.Length > 0)
        {
            sb.Append("<path class=\"mark line\" d=\"").Append(line).Append("\" fill=\"none\" stroke-linejoin=\"round\"");
            Stroke(sb, ink);
            sb.Append("/>");
        }
        sb.Append(dots);
    }

    private static void Dot(StringBuilder sb, double x, double y, ChartInk ink) =>
        sb.Append("<circle class=\"mark dot\" cx=\"").Append(ChartText.Coord(x)).Append("\" cy=\"").Append(ChartText.Coord(y))
          .Append("\" r=\"3\" fill=\"").Append(Colour(ink)).Append("\"/>");

    private static void Stroke(StringBuilder sb, ChartInk ink)
    {
        sb.Append(" stroke=\"").Append(Colour(ink)).Append('"');
        sb.Append(ink switch
        {
            ChartInk.Accent => " stroke-width=\"2\"",
            ChartInk.Benchmark => " stroke-width=\"1.5\" stroke-dasharray=\"6 4\"",
            _ => " stroke-width=\"1.5\"",
        });
    }

    private static string Colour(ChartInk ink) => ink switch
    {
        ChartInk.Accent => Accent,
        ChartInk.Benchmark => Benchmark,
        _ => Loss,
    };

    private static void Line(StringBuilder sb, double x1, double y1, double x2, double y2, string colour) =>
        sb.Append("<line x1=\"").Append(ChartText.Coord(x1)).Append("\" y1=\"").Append(ChartText.Coord(y1))
          .Append("\" x2=\"").Append(ChartText.Coord(x2)).Append("\" y2=\"").Append(ChartText.Coord(y2))
          .Append("\" stroke=\"").Append(colour).Append("\" stroke-width=\"1\"/>");

    private static void Text(StringBuilder sb, double x, double y, string text) =>
        sb.Append("<text x=\"").Append(ChartText.Coord(x)).Append("\" y=\"").Append(ChartText.Coord(y)).Append("\">")
          .Append(HtmlText.Encode(text)).Append("</text>");

    /// <summary>The plotting rectangle and its data-to-pixel mappings (y grows downwards).</summary>
    private readonly record struct Plot(double Left, double Right, double Top, double Bottom)
    {
        public double Width => Right - Left;
        public double Height => Bottom - Top;
        public double Y(NiceScale scale, double v) => Bottom - scale.Fraction(v) * Height;
        public double X(NiceScale scale, double v) => Left + scale.Fraction(v) * Width;
        public double TimeX(long t, long tMin, long tMax) =>
            tMax == tMin ? Left + Width / 2 : Left + (double)(t - tMin) / (tMax - tMin) * Width;
    }
}
