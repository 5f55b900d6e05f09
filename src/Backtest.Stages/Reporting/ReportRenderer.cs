using Backtest.Lake.Files;

namespace Backtest.Stages.Reporting;

/// <summary>
/// Renders a <see cref="ReportModel"/> as the three report files (report.html, report.md, report.json).
/// Pure and deterministic: the same model gives the same bytes (invariant culture, fixed number formats, "\n"
/// line ends, no rendering timestamp), so a report can be content-addressed and compared like any artifact.
/// </summary>
public static class ReportRenderer
{
    /// <summary>The banner (first visible line of the HTML, first line of the Markdown) of a report made from simulated data.</summary>
    public const string SyntheticBanner = ReportText.SyntheticBanner;

    /// <summary>The self-contained HTML page: inline CSS, server-side SVG charts, no script, no network.</summary>
    public static string Html(ReportModel model)
    {
        ReportModelCheck.Require(model);
        return HtmlReport.Render(model);
    }

    /// <summary>The same content as Markdown tables (charts replaced by their data; the page is named for them).</summary>
    public static string Markdown(ReportModel model)
    {
        ReportModelCheck.Require(model);
        return MarkdownReport.Render(model);
    }

    /// <summary>The model itself in the project's JSON dialect (<see cref="LakeJson"/>: snake_case, indented, NaN as a named literal).</summary>
    public static string Json(ReportModel model)
    {
        ReportModelCheck.Require(model);
        return LakeJson.Serialize(model);
    }
}
