using System.Buffers.Binary;
using Backtest.Stages.Reporting;
using Backtest.Testing;
using Xunit.Abstractions;

namespace Backtest.Stages.Tests.Reporting;

/// <summary>
/// The CI check of the report page: Chromium renders report.html headless and the page must load cleanly
/// (exit 0, no console message) with every chart present and drawn. Negative cases prove the same check
/// fails on a throwing script, a console error, a blocked script and an empty chart.
/// Set BACKTEST_REPORT_ARTIFACTS to a folder to keep the rendered page and its screenshot.
/// </summary>
public sealed class ChromiumReportTests(ITestOutputHelper output)
{
    private static readonly string[] Kinds = ["equity", "drawdown", "folds", "costs"];

    /// <summary>Everything that makes a rendered page fail the check; empty when it passes.</summary>
    private static List<string> PageProblems(ChromiumRun run, IReadOnlyList<string> kinds)
    {
        var problems = new List<string>();
        if (run.ExitCode != 0) problems.Add($"chromium exited {run.ExitCode}");
        foreach (var m in run.Console) problems.Add($"console ({m.Severity}) {m.Source}:{m.Line}: {m.Text}");
        problems.AddRange(ChartDom.Problems(run.Stdout, kinds));
        return problems;
    }

    [ReferenceFact(ReferenceTools.Chromium)]
    public void Realistic_report_loads_without_console_messages_and_draws_every_chart()
    {
        var model = ReportFixtures.Realistic();
        using var page = TempPage.Write(ReportRenderer.Html(model), "report.html");
        var run = HeadlessChromium.DumpDom(page.Path);
        output.WriteLine($"chromium --dump-dom took {run.Elapsed.TotalSeconds:F1} s");

        Assert.Empty(PageProblems(run, Kinds));
        var charts = ChartDom.Charts(run.Stdout).ToDictionary(c => c.Kind);
        Assert.Equal(model.Equity.Ts.Length, charts["equity"].Points);
        Assert.Equal(2, charts["equity"].Lines);
        Assert.Equal(2 * model.Equity.Ts.Length, charts["equity"].Vertices);
        Assert.Equal(model.Equity.Ts.Length, charts["drawdown"].Points);
        Assert.Equal(6, charts["folds"].Points);
        Assert.Equal(6, charts["folds"].Bars);
        Assert.Equal(7, charts["costs"].Points);            // borrow is 0: still a row, drawn as a 1-px hairline at zero
        Assert.Equal(7, charts["costs"].Bars);
        Assert.StartsWith("<p class=\"synthetic\"", BodyStart(run.Stdout));
    }

    [ReferenceFact(ReferenceTools.Chromium)]
    public void Charts_do_not_need_javascript()
    {
        using var page = TempPage.Write(ReportRenderer.Html(ReportFixtures.Realistic()), "report.html");
        var run = HeadlessChromium.DumpDom(page.Path, javascript: false);
        Assert.Empty(PageProblems(run, Kinds));
    }

    [ReferenceFact(ReferenceTools.Chromium)]
    public void Javascript_off_mode_really_disables_page_scripts()
    {
        using var page = TempPage.Write("<!DOCTYPE html><html><body><p id=\"p\">static</p><script>document.getElementById('p').textContent='ran'</script></body></html>", "js.html");
        Assert.Contains("<p id=\"p\">ran</p>", HeadlessChromium.DumpDom(page.Path).Stdout);
        Assert.Contains("<p id=\"p\">static</p>", HeadlessChromium.DumpDom(page.Path, javascript: false).Stdout);
    }

    [ReferenceFact(ReferenceTools.Chromium)]
    public void A_throwing_script_fails_the_check()
    {
        using var page = TempPage.Write(WithCharts("<script>throw new Error('x')</script>"), "broken.html");
        var problems = PageProblems(HeadlessChromium.DumpDom(page.Path), Kinds);
        Assert.Contains(problems, p => p.Contains("Uncaught Error: x", StringComparison.Ordinal));
        Assert.Single(problems);
    }

    [ReferenceFact(ReferenceTools.Chromium)]
    public void A_console_error_fails_the_check_although_chromium_logs_it_at_info()
    {
        using var page = TempPage.Write(WithCharts("<script>console.error('boom')</script>"), "console.html");
        var run = HeadlessChromium.DumpDom(page.Path);
        var message = Assert.Single(run.Console);
        Assert.Equal("boom", message.Text);
        Assert.NotEmpty(PageProblems(run, Kinds));
    }

    [ReferenceFact(ReferenceTools.Chromium)]
    public void The_report_policy_blocks_an_injected_script_and_the_check_sees_it()
    {
        var html = ReportRenderer.Html(ReportFixtures.Realistic()).Replace("</body>", "<script>document.title='ran'</script></body>", StringComparison.Ordinal);
        using var page = TempPage.Write(html, "injected.html");
        var run = HeadlessChromium.DumpDom(page.Path);
        Assert.DoesNotContain("<title>ran</title>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(run.Console, m => m.Text.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [ReferenceFact(ReferenceTools.Chromium)]
    public void An_empty_chart_fails_the_check()
    {
        using var page = TempPage.Write(ReportRenderer.Html(ReportFixtures.Empty()), "empty.html");
        var run = HeadlessChromium.DumpDom(page.Path);
        var problems = PageProblems(run, Kinds);
        Assert.Contains("chart 'equity' has data-points=0", problems);
        Assert.Contains("chart 'folds' has data-points=0", problems);
        Assert.Contains(ReportText.NoTrades, run.Stdout, StringComparison.Ordinal);
    }

    [ReferenceFact(ReferenceTools.Chromium)]
    public void Screenshot_is_a_full_size_non_blank_png()
    {
        using var page = TempPage.Write(ReportRenderer.Html(ReportFixtures.Realistic()), "report.html");
        var png = Path.Combine(page.Folder, "report.png");
        var run = HeadlessChromium.Screenshot(page.Path, png, 1280, 3600);
        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Console);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal(1280, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(3600, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        Assert.True(bytes.Length > 50_000, $"a {bytes.Length}-byte screenshot is too small to hold the charts");
        output.WriteLine($"screenshot {bytes.Length} bytes in {run.Elapsed.TotalSeconds:F1} s");
        page.Keep();
    }

    private static string WithCharts(string script) =>
        "<!DOCTYPE html><html><head><title>t</title></head><body>" +
        ReportRenderer.Html(ReportFixtures.Realistic()).Split("<section id=\"charts\">")[1].Split("</section>")[0] +
        script + "</body></html>";

    private static string BodyStart(string dom)
    {
        var i = dom.IndexOf("<body>", StringComparison.Ordinal);
        Assert.True(i >= 0, "no <body> in the dumped DOM");
        return dom[(i + "<body>".Length)..].TrimStart();
    }

    /// <summary>A page in a fresh temp folder, removed afterwards unless kept for BACKTEST_REPORT_ARTIFACTS.</summary>
    private sealed class TempPage : IDisposable
    {
        private bool keep;
        public string Folder { get; }
        public string Path { get; }

        private TempPage(string folder, string path) { Folder = folder; Path = path; }

        public static TempPage Write(string html, string name)
        {
            var folder = TempRoot.Create("backtest-report");
            var path = System.IO.Path.Combine(folder, name);
            File.WriteAllText(path, html);
            return new TempPage(folder, path);
        }

        public void Keep() => keep = true;

        public void Dispose()
        {
            var artifacts = Environment.GetEnvironmentVariable("BACKTEST_REPORT_ARTIFACTS");
            if (keep && !string.IsNullOrEmpty(artifacts))
            {
                Directory.CreateDirectory(artifacts);
                foreach (var f in Directory.GetFiles(Folder)) File.Copy(f, System.IO.Path.Combine(artifacts, System.IO.Path.GetFileName(f)), overwrite: true);
            }
            Directory.Delete(Folder, recursive: true);
        }
    }
}
