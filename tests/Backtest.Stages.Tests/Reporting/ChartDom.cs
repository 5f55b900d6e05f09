using System.Globalization;
using System.Text.RegularExpressions;

namespace Backtest.Stages.Tests.Reporting;

/// <summary>One chart found in an HTML document: its kind, the points it claims and what it actually draws.</summary>
internal sealed record ChartInfo(string Kind, int Points, int Lines, int Bars, int Dots, int Vertices);

/// <summary>
/// Reads the charts out of report HTML (as rendered, or as Chromium dumped it after layout): every
/// <c>&lt;svg data-chart=…&gt;</c>, its <c>data-points</c>, and its data marks (class "mark") with non-empty geometry.
/// Written independently of the renderer: it parses markup, it does not call chart code.
/// </summary>
internal static partial class ChartDom
{
    [GeneratedRegex("<svg\\b(?<attrs>[^>]*)>(?<body>.*?)</svg>", RegexOptions.Singleline)]
    private static partial Regex Svg();

    [GeneratedRegex("<(?<tag>path|rect|circle|polyline)\\b(?<attrs>[^>]*)>", RegexOptions.Singleline)]
    private static partial Regex Element();

    [GeneratedRegex("(?<name>[a-zA-Z:-]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex Attribute();

    [GeneratedRegex("-?\\d+(?:\\.\\d+)?")]
    private static partial Regex Number();

    /// <summary>Every chart in document order.</summary>
    public static IReadOnlyList<ChartInfo> Charts(string html)
    {
        var charts = new List<ChartInfo>();
        foreach (Match svg in Svg().Matches(html))
        {
            var attrs = Attributes(svg.Groups["attrs"].Value);
            if (!attrs.TryGetValue("data-chart", out var kind)) continue;
            var points = attrs.TryGetValue("data-points", out var p) && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
            int lines = 0, bars = 0, dots = 0, vertices = 0;
            foreach (Match el in Element().Matches(svg.Groups["body"].Value))
            {
                var a = Attributes(el.Groups["attrs"].Value);
                if (!a.TryGetValue("class", out var cls) || !cls.Split(' ').Contains("mark")) continue;
                switch (el.Groups["tag"].Value)
                {
                    case "path" when a.TryGetValue("d", out var d) && d.Length > 0:
                        var drawn = d.Count(c => c is 'M' or 'L');
                        if (d.Contains('L')) lines++;
                        if (!cls.Split(' ').Contains("area")) vertices += drawn;
                        break;
                    case "polyline" when a.TryGetValue("points", out var pts) && pts.Trim().Length > 0:
                        lines++;
                        vertices += Number().Matches(pts).Count / 2;
                        break;
                    case "rect" when Positive(a, "width") && Positive(a, "height"):
                        bars++;
                        break;
                    case "circle" when Positive(a, "r"):
                        dots++;
                        break;
                }
            }
            charts.Add(new ChartInfo(kind, points, lines, bars, dots, vertices));
        }
        return charts;
    }

    /// <summary>
    /// What is wrong with the charts of <paramref name="html"/> for a report that must show every kind in
    /// <paramref name="kinds"/>: a kind missing, <c>data-points</c> not positive, or nothing actually drawn.
    /// Empty when every chart is present and drawn.
    /// </summary>
    public static IReadOnlyList<string> Problems(string html, IReadOnlyList<string> kinds)
    {
        var problems = new List<string>();
        var charts = Charts(html);
        foreach (var kind in kinds)
        {
            var chart = charts.FirstOrDefault(c => c.Kind == kind);
            if (chart is null) { problems.Add($"chart '{kind}' is missing"); continue; }
            if (chart.Points <= 0) problems.Add($"chart '{kind}' has data-points={chart.Points}");
            if (chart.Lines + chart.Bars + chart.Dots == 0) problems.Add($"chart '{kind}' draws no path, polyline, rect or dot");
        }
        return problems;
    }

    private static Dictionary<string, string> Attributes(string text)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in Attribute().Matches(text)) d[m.Groups["name"].Value] = m.Groups["value"].Value;
        return d;
    }

    private static bool Positive(Dictionary<string, string> a, string name) =>
        a.TryGetValue(name, out var v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x > 0;
}
