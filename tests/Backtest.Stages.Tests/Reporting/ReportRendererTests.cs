using System.Text.Json;
using Backtest.Lake.Files;
using Backtest.Stages.Reporting;
using Backtest.Testing;

namespace Backtest.Stages.Tests.Reporting;

/// <summary>The three renderings of a report model: determinism, escaping, the synthetic banner, JSON round trip, Markdown snapshot.</summary>
public sealed class ReportRendererTests
{
    [Fact]
    public void Same_model_gives_the_same_bytes()
    {
        var a = ReportFixtures.Realistic();
        var b = ReportFixtures.Realistic();   // a separately built, equal model
        Assert.Equal(ReportRenderer.Html(a), ReportRenderer.Html(b));
        Assert.Equal(ReportRenderer.Markdown(a), ReportRenderer.Markdown(b));
        Assert.Equal(ReportRenderer.Json(a), ReportRenderer.Json(b));
        Assert.Equal(ReportRenderer.Html(a), ReportRenderer.Html(a));
    }

    [Fact]
    public void Output_has_unix_line_ends_and_no_rendering_time()
    {
        var m = ReportFixtures.Realistic();
        foreach (var text in new[] { ReportRenderer.Html(m), ReportRenderer.Markdown(m), ReportRenderer.Json(m) })
        {
            Assert.DoesNotContain('\r', text);
            Assert.EndsWith("\n", text);
            Assert.DoesNotContain(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), text);
        }
    }

    [Fact]
    public void A_script_in_a_blueprint_id_is_escaped()
    {
        var m = ReportFixtures.Realistic();
        var evil = m.Blueprints[0] with { Id = "<script>alert('x')</script>", Trigger = "a < b && c > \"d\"" };
        m = m with { Blueprints = [evil, .. m.Blueprints.Skip(1)] };

        var html = ReportRenderer.Html(m);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        Assert.Contains("a &lt; b &amp;&amp; c &gt; &quot;d&quot;", html);

        // Markdown: identifiers are code spans, which every CommonMark renderer shows literally; the fence
        // is longer than any backtick run inside, so the id cannot close it.
        var md = ReportRenderer.Markdown(m);
        Assert.Contains("| `<script>alert('x')</script>` |", md);
        Assert.Equal(1, CountOf(md, "<script"));
        Assert.DoesNotContain("<script", ReportRenderer.Json(m), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_model_string_is_html_encoded()
    {
        // Mark every string field with raw markup; none may survive unencoded.
        const string raw = "<i>\"'&";
        var m = ReportFixtures.Realistic();
        m = m with
        {
            Title = raw + "title", RunId = raw + "run", Symbols = [raw + "sym"], Source = raw + "src", Timeframe = raw + "tf",
            PeriodFrom = raw + "from", PeriodTo = raw + "to",
            Folds = m.Folds.Select(f => f with { Fold = raw + "fold", TrainFrom = raw, TrainTo = raw, TestFrom = raw, TestTo = raw }).ToList(),
            Metrics = m.Metrics.Select(r => new MetricRow(raw + "name", raw + "value", raw + "def")).ToList(),
            Gates = m.Gates.Select(g => g with { Gate = raw + "gate", Comparison = raw + "cmp" }).ToList(),
            Blueprints = m.Blueprints.Select(b => b with
            {
                Fold = raw, Id = raw, Symbol = raw, Trigger = raw, Direction = raw, Hypothesis = raw, Window = raw, CostDigest = raw,
            }).ToList(),
            Funnel = m.Funnel.Select(f => f with { Step = raw + "step", Note = raw + "note" }).ToList(),
            Digests = m.Digests.Select(d => new DigestRow(raw + "kind", raw + "name", raw + "sha")).ToList(),
            Notes = [raw + "note"],
        };
        var html = ReportRenderer.Html(m);
        Assert.DoesNotContain("<i>", html);
        Assert.DoesNotContain("\"'&", html);
        var encoded = CountOf(html, "&lt;i&gt;&quot;&#39;&amp;");
        Assert.True(encoded > 40, $"only {encoded} encoded markers");
    }

    [Fact]
    public void Pipes_and_newlines_in_model_strings_do_not_break_markdown_tables()
    {
        var m = ReportFixtures.Small();
        m = m with
        {
            Metrics = [new MetricRow("a|b", "1|2", "line one\nline two | three")],
            Blueprints = [m.Blueprints[0] with { Id = "id|with|pipes", Trigger = "x `y` | z" }],
        };
        var md = ReportRenderer.Markdown(m);
        foreach (var table in Tables(md))
        {
            var columns = Cells(table[0]).Count;
            Assert.All(table, row => Assert.Equal(columns, Cells(row).Count));
        }
        Assert.Contains("| a\\|b | 1\\|2 | line one line two \\| three |", md);
        Assert.Contains("``x `y` \\| z``", md);
    }

    [Theory]
    [InlineData("a_b snake_case", "a_b snake_case")]
    [InlineData("_x_ and *y*", "\\_x\\_ and \\*y\\*")]
    [InlineData("<b>bold</b> & [link](u)", "\\<b>bold\\</b> & \\[link\\](u)")]
    [InlineData("# not a heading", "\\# not a heading")]
    [InlineData("back\\slash", "back\\\\slash")]
    public void Markdown_prose_escapes(string text, string expected) => Assert.Equal(expected, MarkdownText.Prose(text));

    [Theory]
    [InlineData("- nested", "\\- nested")]
    [InlineData("1. numbered", "1\\. numbered")]
    [InlineData("> quote", "\\> quote")]
    [InlineData("-0.5% drift", "\\-0.5% drift")]
    [InlineData("12 folds", "12 folds")]
    public void Markdown_list_items_cannot_open_a_block(string text, string expected) => Assert.Equal(expected, MarkdownText.ListItem(text));

    [Theory]
    [InlineData("plain", "`plain`")]
    [InlineData("a `b` c", "``a `b` c``")]
    [InlineData("`edge", "`` `edge ``")]
    [InlineData("x|y", "`x\\|y`")]
    public void Markdown_code_spans_fence_past_backticks(string text, string expected) => Assert.Equal(expected, MarkdownText.Code(text));

    [Fact]
    public void Synthetic_report_opens_with_the_banner()
    {
        var m = ReportFixtures.Realistic(synthetic: true);
        var html = ReportRenderer.Html(m);
        var body = html[(html.IndexOf("<body>", StringComparison.Ordinal) + "<body>".Length)..].TrimStart();
        Assert.StartsWith("<p class=\"synthetic\" role=\"alert\" data-banner=\"synthetic\">SYNTHETIC DATA — generated by the built-in simulator; not a market result</p>", body);
        Assert.Contains("<title>SYNTHETIC DATA — ", html);

        var md = ReportRenderer.Markdown(m);
        var firstLine = md.Split('\n')[0];
        Assert.Equal("**SYNTHETIC DATA — generated by the built-in simulator; not a market result**", firstLine);
    }

    [Fact]
    public void Market_report_has_no_banner()
    {
        var m = ReportFixtures.Realistic(synthetic: false);
        var html = ReportRenderer.Html(m);
        Assert.DoesNotContain("SYNTHETIC", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-banner", html, StringComparison.Ordinal);
        Assert.DoesNotContain("synthetic:", html, StringComparison.Ordinal);
        Assert.StartsWith("<div class=\"page\">", html[(html.IndexOf("<body>", StringComparison.Ordinal) + "<body>".Length)..].TrimStart());
        var md = ReportRenderer.Markdown(m);
        Assert.DoesNotContain("SYNTHETIC", md, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("# Walk-forward report", md);
    }

    [Fact]
    public void Page_is_self_contained()
    {
        var html = ReportRenderer.Html(ReportFixtures.Realistic());
        foreach (var forbidden in new[] { "http://", "https://", "<script", "<link", "<img", "<iframe", "<object", "@import", "url(", "src=", "href=" })
            Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'", html);
        Assert.Equal(1, CountOf(html, "<style>"));
    }

    [Fact]
    public void Page_carries_every_section_and_every_full_digest()
    {
        var m = ReportFixtures.Realistic();
        var html = ReportRenderer.Html(m);
        foreach (var id in new[] { "notes", "metrics", "gates", "charts", "folds", "blueprints", "funnel", "digests" })
            Assert.Contains($"<section id=\"{id}\">", html);
        foreach (var d in m.Digests) Assert.Contains($"<code class=\"hash\">{d.Sha256}</code>", html);
        Assert.Equal(3, CountOf(html, "<span class=\"badge pass\">✓ PASS</span>"));
        Assert.Equal(1, CountOf(html, "<span class=\"badge fail\">✗ FAIL</span>"));
        Assert.Contains("1 of 4 gates failed", html);
        var charts = ChartDom.Charts(html).Select(c => c.Kind).ToArray();
        Assert.Equal(["equity", "drawdown", "folds", "costs"], charts);
        var md = ReportRenderer.Markdown(m);
        foreach (var d in m.Digests) Assert.Contains($"`{d.Sha256}`", md);
        Assert.Contains("see report.html", md);
    }

    [Fact]
    public void Empty_run_shows_explicit_panels_not_blank_charts()
    {
        var m = ReportFixtures.Empty();
        var html = ReportRenderer.Html(m);
        var charts = ChartDom.Charts(html);
        Assert.Equal(4, charts.Count);
        Assert.All(charts, c =>
        {
            Assert.Equal(0, c.Points);
            Assert.Equal(0, c.Lines + c.Bars + c.Dots);
        });
        Assert.Equal(3, CountOf(html, ">no trades in the out-of-sample period</text>"));
        Assert.Contains(">no walk-forward folds</text>", html);
        var md = ReportRenderer.Markdown(m);
        Assert.Contains("No trades in the out-of-sample period.", md);
        Assert.Contains("No walk-forward folds.", md);
    }

    [Fact]
    public void Json_round_trips_with_nan_as_a_named_literal()
    {
        var m = ReportFixtures.Small();
        m = m with { Equity = m.Equity with { BuyAndHold = [100_000, double.NaN, 98_000, double.PositiveInfinity, 101_000] } };
        var json = ReportRenderer.Json(m);
        Assert.Contains("\"run_id\": \"wf-small-0001\"", json);
        Assert.Contains("\"buy_and_hold\": [", json);
        Assert.Contains("\"NaN\"", json);
        Assert.Contains("\"oos_sharpe\": \"NaN\"", json);

        var back = JsonSerializer.Deserialize<ReportModel>(json, LakeJson.Options)!;
        Assert.Equal(json, ReportRenderer.Json(back));
        Assert.Equal(m.Equity.Ts, back.Equity.Ts);
        Assert.Equal(m.Equity.Equity, back.Equity.Equity);
        Assert.True(double.IsNaN(back.Equity.BuyAndHold[1]));
        Assert.True(double.IsPositiveInfinity(back.Equity.BuyAndHold[3]));
        Assert.Equal(m.Folds, back.Folds);
        Assert.Equal(m.Gates, back.Gates);
        Assert.Equal(m.Costs, back.Costs);
        Assert.Equal(m.Blueprints, back.Blueprints);
        Assert.Equal(m.Digests, back.Digests);
        Assert.Equal(m.Notes, back.Notes);
    }

    [Fact]
    public void Markdown_snapshot_of_a_small_model() =>
        Snapshot.Verify(ReportRenderer.Markdown(ReportFixtures.Small()), "small", "md");

    [Fact]
    public void Json_snapshot_of_a_small_model() =>
        Snapshot.Verify(ReportRenderer.Json(ReportFixtures.Small()), "small", "json");

    [Fact]
    public void Misaligned_series_is_refused_with_context()
    {
        var m = ReportFixtures.Small();
        m = m with { Equity = m.Equity with { Drawdown = [0, 0, 0] } };
        var e = Assert.Throws<InvalidReportModelException>(() => ReportRenderer.Html(m));
        Assert.Equal("report model for run 'wf-small-0001': the equity series is misaligned: 5 timestamps, 5 equity, 5 buy-and-hold and 3 drawdown values (all must be equal).", e.Message);
    }

    [Fact]
    public void Timestamps_going_backwards_are_refused()
    {
        var m = ReportFixtures.Small();
        var ts = m.Equity.Ts.ToArray();
        (ts[2], ts[3]) = (ts[3], ts[2]);
        var e = Assert.Throws<InvalidReportModelException>(() => ReportRenderer.Markdown(m with { Equity = m.Equity with { Ts = ts } }));
        Assert.Contains("equity timestamps go backwards at index 3", e.Message);
    }

    private static int CountOf(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    private static List<List<string>> Tables(string md)
    {
        var tables = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in md.Split('\n'))
        {
            if (line.StartsWith('|')) (current ??= []).Add(line);
            else if (current is not null) { tables.Add(current); current = null; }
        }
        if (current is not null) tables.Add(current);
        Assert.NotEmpty(tables);
        return tables;
    }

    /// <summary>GFM cells: split on pipes not escaped by a backslash.</summary>
    private static List<string> Cells(string row)
    {
        var cells = new List<string>();
        var start = 1;
        for (var i = 1; i < row.Length; i++)
            if (row[i] == '|' && row[i - 1] != '\\') { cells.Add(row[start..i]); start = i + 1; }
        return cells;
    }
}
