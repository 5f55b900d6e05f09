using System.Globalization;
using System.Text;
using Backtest.Stages.Reporting.Charts;

namespace Backtest.Stages.Reporting;

/// <summary>
/// The self-contained report.html: inline CSS, server-side SVG charts, no script, and a Content-Security-Policy
/// that forbids every fetch, so the page works offline, with JavaScript disabled, and cannot phone home.
/// </summary>
internal static class HtmlReport
{
    private const string Css = """
        :root{--accent:#1f4e9c;--ink:#111827;--muted:#4b5563;--rule:#e5e7eb;--head:#f9fafb;--pass:#0f5d2a;--pass-bg:#e3f1e6;--fail:#9f1c1c;--fail-bg:#fbe7e7}
        *{box-sizing:border-box}
        html{background:#fff}
        body{margin:0;background:#fff;color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
        .synthetic{margin:0;padding:12px 24px;background:#8a2c0d;color:#fff;font-weight:700;font-size:17px;letter-spacing:.02em;text-align:center}
        .page{max-width:1040px;margin:0 auto;padding:8px 24px 40px}
        header{padding:16px 0 8px;border-bottom:2px solid var(--accent)}
        h1{font-size:24px;margin:0 0 10px;font-weight:650}
        h2{font-size:18px;margin:32px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--rule);font-weight:650}
        dl.run{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:6px 24px;margin:0}
        dl.run div{min-width:0}
        dt{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
        dd{margin:0;font-weight:500;overflow-wrap:anywhere}
        .verdict-pass{color:var(--pass)}
        .verdict-fail{color:var(--fail)}
        table{border-collapse:collapse;width:100%;font-size:13px;margin:4px 0 8px}
        th{text-align:left;background:var(--head);color:var(--muted);font-weight:600;border-bottom:1px solid #d1d5db;padding:6px 8px;vertical-align:bottom}
        td{border-bottom:1px solid var(--rule);padding:6px 8px;vertical-align:top}
        th.num,td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        td.neg{color:#9a3412}
        code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:12px;overflow-wrap:anywhere}
        code.hash{word-break:break-all}
        .prov{color:var(--muted);font-size:12px}
        .badge{display:inline-block;min-width:58px;text-align:center;padding:1px 8px;border-radius:10px;font-weight:700;font-size:12px}
        .badge.pass{color:var(--pass);background:var(--pass-bg)}
        .badge.fail{color:var(--fail);background:var(--fail-bg)}
        .callout{margin:8px 0;padding:10px 14px 10px 32px;border-left:4px solid var(--accent);background:#f3f6fb}
        .callout li{margin:2px 0}
        figure.chart{margin:8px 0 22px}
        figure.chart svg{display:block;width:100%;height:auto}
        figcaption{color:var(--muted);font-size:12px;margin-top:2px}
        svg.funnel{display:block;width:160px;height:12px}
        footer{margin-top:36px;padding-top:10px;border-top:1px solid var(--rule);color:var(--muted);font-size:12px}
        @media print{.synthetic{-webkit-print-color-adjust:exact;print-color-adjust:exact}figure.chart,tr{break-inside:avoid}}
        """;

    /// <summary>The whole page.</summary>
    public static string Render(ReportModel m)
    {
        var sb = new StringBuilder(64 * 1024 + m.Equity.Ts.Length * 64);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n")
          .Append("<meta name=\"color-scheme\" content=\"light\">\n")
          .Append("<title>").Append(m.Synthetic ? "SYNTHETIC DATA — " : "").Append(HtmlText.Encode(m.Title)).Append("</title>\n")
          .Append("<style>\n").Append(Css.Replace("\r\n", "\n", StringComparison.Ordinal)).Append("\n</style>\n</head>\n<body>\n");
        if (m.Synthetic)
            sb.Append("<p class=\"synthetic\" role=\"alert\" data-banner=\"synthetic\">").Append(HtmlText.Encode(ReportText.SyntheticBanner)).Append("</p>\n");
        sb.Append("<div class=\"page\">\n");
        Header(sb, m);
        Notes(sb, m);
        Metrics(sb, m);
        Gates(sb, m);
        Charts(sb, m);
        Folds(sb, m);
        Blueprints(sb, m);
        Funnel(sb, m);
        Digests(sb, m);
        sb.Append("<footer>").Append(HtmlText.Encode(ReportText.Certificate))
          .Append(" The page is self-contained (inline SVG, no script, no network); report.md and report.json beside it carry the same content.</footer>\n");
        sb.Append("</div>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Header(StringBuilder sb, ReportModel m)
    {
        sb.Append("<header>\n<h1>").Append(HtmlText.Encode(m.Title)).Append("</h1>\n<dl class=\"run\">\n");
        Field(sb, "Run", "<code>" + HtmlText.Encode(m.RunId) + "</code>");
        Field(sb, "Symbols", HtmlText.Encode(string.Join(", ", m.Symbols)));
        Field(sb, "Source", HtmlText.Encode(m.Source) + (m.Synthetic ? " (synthetic: built-in simulator)" : ""));
        Field(sb, "Timeframe", HtmlText.Encode(m.Timeframe));
        Field(sb, "Out-of-sample period", HtmlText.Encode(m.PeriodFrom) + " → " + HtmlText.Encode(m.PeriodTo));
        Field(sb, "Folds", ReportNumbers.Count(m.Folds.Count));
        var failed = false;
        foreach (var g in m.Gates) failed |= !g.Passed;
        Field(sb, "Gates", $"<span class=\"{(failed ? "verdict-fail" : "verdict-pass")}\">{HtmlText.Encode(ReportText.Verdict(m.Gates))}</span>");
        sb.Append("</dl>\n</header>\n");
    }

    private static void Field(StringBuilder sb, string name, string html) =>
        sb.Append("<div><dt>").Append(name).Append("</dt><dd>").Append(html).Append("</dd></div>\n");

    private static void Notes(StringBuilder sb, ReportModel m)
    {
        if (m.Notes.Count == 0) return;
        sb.Append("<section id=\"notes\">\n<h2>Notes</h2>\n<ul class=\"callout\">\n");
        foreach (var note in m.Notes) sb.Append("<li>").Append(HtmlText.Encode(note)).Append("</li>\n");
        sb.Append("</ul>\n</section>\n");
    }

    private static void Metrics(StringBuilder sb, ReportModel m)
    {
        sb.Append("<section id=\"metrics\">\n<h2>Metrics</h2>\n");
        if (m.Metrics.Count == 0) { sb.Append("<p>No metrics.</p>\n</section>\n"); return; }
        sb.Append("<table>\n<thead><tr><th>Metric</th><th class=\"num\">Value</th><th>Definition</th></tr></thead>\n<tbody>\n");
        foreach (var r in m.Metrics)
            sb.Append("<tr><td>").Append(HtmlText.Encode(r.Name)).Append("</td><td class=\"num\">").Append(HtmlText.Encode(r.Value))
              .Append("</td><td>").Append(HtmlText.Encode(r.Definition)).Append("</td></tr>\n");
        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Gates(StringBuilder sb, ReportModel m)
    {
        sb.Append("<section id=\"gates\">\n<h2>Gates</h2>\n");
        if (m.Gates.Count == 0) { sb.Append("<p>No gates evaluated.</p>\n</section>\n"); return; }
        sb.Append("<table>\n<thead><tr><th>Gate</th><th>Rule</th><th class=\"num\">Value</th><th>Verdict</th></tr></thead>\n<tbody>\n");
        foreach (var g in m.Gates)
            sb.Append("<tr><td><code>").Append(HtmlText.Encode(g.Gate)).Append("</code></td><td>value ")
              .Append(HtmlText.Encode(g.Comparison)).Append(' ').Append(ReportNumbers.Number(g.Threshold))
              .Append("</td><td class=\"num\">").Append(ReportNumbers.Number(g.Value)).Append("</td><td>")
              .Append(g.Passed ? "<span class=\"badge pass\">✓ PASS</span>" : "<span class=\"badge fail\">✗ FAIL</span>")
              .Append("</td></tr>\n");
        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Charts(StringBuilder sb, ReportModel m)
    {
        sb.Append("<section id=\"charts\">\n<h2>Charts</h2>\n");
        var e = m.Equity;
        sb.Append(SvgChart.TimeLines(new ChartFrame("equity", ReportText.EquityTitle, 340, ReportText.NoTrades, ReportText.EquityCaption), e.Ts,
            [new ChartLine("Strategy", e.Equity, ChartInk.Accent), new ChartLine("Buy and hold", e.BuyAndHold, ChartInk.Benchmark)], AxisFormat.Amount));
        sb.Append(SvgChart.TimeArea(new ChartFrame("drawdown", ReportText.DrawdownTitle, 230, ReportText.NoTrades, ReportText.DrawdownCaption), e.Ts,
            new ChartLine("Strategy drawdown", e.Drawdown, ChartInk.Loss), AxisFormat.Percent));
        var folds = new ChartBar[m.Folds.Count];
        for (var i = 0; i < folds.Length; i++) folds[i] = new ChartBar(m.Folds[i].Fold, m.Folds[i].OosReturn);
        sb.Append(SvgChart.Bars(new ChartFrame("folds", ReportText.FoldsTitle, 270, ReportText.NoFolds, ReportText.FoldsCaption), folds, AxisFormat.Percent));
        var rows = ReportText.CostRows(m.Costs);
        var costFrame = new ChartFrame("costs", ReportText.CostsTitle, SvgChart.HorizontalBarsHeight(rows.Length), ReportText.NoTrades, ReportText.CostsCaption);
        if (ReportText.NoCosts(m.Costs))
            sb.Append(SvgChart.Empty(costFrame));
        else
        {
            var bars = new ChartBar[rows.Length];
            for (var i = 0; i < rows.Length; i++) bars[i] = new ChartBar(rows[i].Label, rows[i].Value, rows[i].Total);
            sb.Append(SvgChart.HorizontalBars(costFrame, bars, AxisFormat.Amount));
        }
        sb.Append("</section>\n");
    }

    private static void Folds(StringBuilder sb, ReportModel m)
    {
        sb.Append("<section id=\"folds\">\n<h2>Walk-forward folds</h2>\n");
        if (m.Folds.Count == 0) { sb.Append("<p>").Append(HtmlText.Encode(ReportText.NoFolds)).Append(".</p>\n</section>\n"); return; }
        sb.Append("<table>\n<thead><tr><th>Fold</th><th>Train (in sample)</th><th>Test (out of sample)</th><th class=\"num\">Blueprints</th>")
          .Append("<th class=\"num\">Trades</th><th class=\"num\">OOS return</th><th class=\"num\">IS Sharpe</th><th class=\"num\">OOS Sharpe</th></tr></thead>\n<tbody>\n");
        foreach (var f in m.Folds)
            sb.Append("<tr><td><code>").Append(HtmlText.Encode(f.Fold)).Append("</code></td><td>")
              .Append(HtmlText.Encode(f.TrainFrom)).Append(" → ").Append(HtmlText.Encode(f.TrainTo)).Append("</td><td>")
              .Append(HtmlText.Encode(f.TestFrom)).Append(" → ").Append(HtmlText.Encode(f.TestTo)).Append("</td>")
              .Append(Num(ReportNumbers.Count(f.Blueprints))).Append(Num(ReportNumbers.Count(f.Trades)))
              .Append(Num(ReportNumbers.Percent(f.OosReturn), f.OosReturn < 0)).Append(Num(ReportNumbers.Ratio(f.IsSharpe), f.IsSharpe < 0))
              .Append(Num(ReportNumbers.Ratio(f.OosSharpe), f.OosSharpe < 0)).Append("</tr>\n");
        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Blueprints(StringBuilder sb, ReportModel m)
    {
        sb.Append("<section id=\"blueprints\">\n<h2>Blueprints traded</h2>\n");
        if (m.Blueprints.Count == 0) { sb.Append("<p>No blueprint traded.</p>\n</section>\n"); return; }
        sb.Append("<table>\n<thead><tr><th>Fold</th><th>Blueprint and provenance</th><th>Symbol</th><th>Trigger</th><th>Direction</th>")
          .Append("<th class=\"num\">Horizon (bars)</th><th class=\"num\">Trades</th><th class=\"num\">Net P&amp;L (USDT)</th></tr></thead>\n<tbody>\n");
        foreach (var b in m.Blueprints)
            sb.Append("<tr><td><code>").Append(HtmlText.Encode(b.Fold)).Append("</code></td><td><code>").Append(HtmlText.Encode(b.Id))
              .Append("</code><div class=\"prov\">hypothesis <code>").Append(HtmlText.Encode(b.Hypothesis))
              .Append("</code><br>window <code>").Append(HtmlText.Encode(b.Window))
              .Append("</code><br>cost digest <code class=\"hash\">").Append(HtmlText.Encode(b.CostDigest)).Append("</code></div></td><td>")
              .Append(HtmlText.Encode(b.Symbol)).Append("</td><td><code>").Append(HtmlText.Encode(b.Trigger)).Append("</code></td><td>")
              .Append(HtmlText.Encode(b.Direction)).Append("</td>").Append(Num(ReportNumbers.Count(b.HorizonBars)))
              .Append(Num(ReportNumbers.Count(b.Trades))).Append(Num(ReportNumbers.Money(b.NetPnl), b.NetPnl < 0)).Append("</tr>\n");
        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Funnel(StringBuilder sb, ReportModel m)
    {
        sb.Append("<section id=\"funnel\">\n<h2>Research funnel</h2>\n");
        if (m.Funnel.Count == 0) { sb.Append("<p>No funnel recorded.</p>\n</section>\n"); return; }
        var first = m.Funnel[0].Count;
        var widest = 0;
        foreach (var f in m.Funnel) widest = Math.Max(widest, f.Count);
        sb.Append("<table>\n<thead><tr><th>Step</th><th class=\"num\">Count</th><th class=\"num\">Share of first step</th><th></th><th>Note</th></tr></thead>\n<tbody>\n");
        foreach (var f in m.Funnel)
        {
            var width = widest > 0 ? 160.0 * Math.Max(f.Count, 0) / widest : 0;
            sb.Append("<tr><td>").Append(HtmlText.Encode(f.Step)).Append("</td>").Append(Num(ReportNumbers.Count(f.Count)))
              .Append(Num(first > 0 ? ReportNumbers.Percent((double)f.Count / first).TrimStart('+') : "n/a"))
              .Append("<td><svg class=\"funnel\" viewBox=\"0 0 160 12\" width=\"160\" height=\"12\" aria-hidden=\"true\">")
              .Append("<rect width=\"160\" height=\"12\" fill=\"#eef2f7\"/><rect width=\"")
              .Append((Math.Round(width, 1) + 0.0).ToString("0.#", CultureInfo.InvariantCulture))
              .Append("\" height=\"12\" fill=\"").Append(SvgChart.Accent).Append("\"/></svg></td><td>")
              .Append(HtmlText.Encode(f.Note)).Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Digests(StringBuilder sb, ReportModel m)
    {
        sb.Append("<section id=\"digests\">\n<h2>Input digests</h2>\n<p>").Append(HtmlText.Encode(ReportText.Certificate)).Append("</p>\n");
        if (m.Digests.Count == 0) { sb.Append("<p>No digests recorded.</p>\n</section>\n"); return; }
        sb.Append("<table>\n<thead><tr><th>Kind</th><th>Name</th><th>SHA-256</th></tr></thead>\n<tbody>\n");
        foreach (var d in m.Digests)
            sb.Append("<tr><td>").Append(HtmlText.Encode(d.Kind)).Append("</td><td><code>").Append(HtmlText.Encode(d.Name))
              .Append("</code></td><td><code class=\"hash\">").Append(HtmlText.Encode(d.Sha256)).Append("</code></td></tr>\n");
        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string Num(string text, bool negative = false) =>
        (negative ? "<td class=\"num neg\">" : "<td class=\"num\">") + HtmlText.Encode(text) + "</td>";
}
