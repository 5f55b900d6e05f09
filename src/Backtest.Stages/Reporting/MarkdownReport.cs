using System.Text;

namespace Backtest.Stages.Reporting;

/// <summary>
/// report.md: the HTML report's content as GitHub-flavoured Markdown tables (the charts' data become tables;
/// the charts themselves live in report.html). When the data is synthetic the very first line says so.
/// </summary>
internal static class MarkdownReport
{
    /// <summary>The whole document.</summary>
    public static string Render(ReportModel m)
    {
        var sb = new StringBuilder(16 * 1024);
        if (m.Synthetic) sb.Append("**").Append(ReportText.SyntheticBanner).Append("**\n\n");
        sb.Append("# ").Append(MarkdownText.Prose(m.Title)).Append("\n\n");
        sb.Append("- Run: ").Append(MarkdownText.Code(m.RunId)).Append('\n');
        sb.Append("- Symbols: ").Append(MarkdownText.Prose(string.Join(", ", m.Symbols))).Append('\n');
        sb.Append("- Source: ").Append(MarkdownText.Prose(m.Source)).Append(m.Synthetic ? " (synthetic: built-in simulator)" : "").Append('\n');
        sb.Append("- Timeframe: ").Append(MarkdownText.Prose(m.Timeframe)).Append('\n');
        sb.Append("- Out-of-sample period: ").Append(MarkdownText.Prose(m.PeriodFrom)).Append(" → ").Append(MarkdownText.Prose(m.PeriodTo)).Append('\n');
        sb.Append("- Folds: ").Append(ReportNumbers.Count(m.Folds.Count)).Append('\n');
        sb.Append("- Gates: ").Append(ReportText.Verdict(m.Gates)).Append('\n');
        sb.Append("- Charts (equity vs buy-and-hold, drawdown, out-of-sample return per fold, costs by component): see report.html beside this file.\n");

        if (m.Notes.Count > 0)
        {
            sb.Append("\n## Notes\n\n");
            foreach (var note in m.Notes) sb.Append("> - ").Append(MarkdownText.ListItem(note)).Append('\n');
        }

        sb.Append("\n## Metrics\n\n");
        if (m.Metrics.Count == 0) sb.Append("No metrics.\n");
        else
        {
            sb.Append("| Metric | Value | Definition |\n|---|---:|---|\n");
            foreach (var r in m.Metrics)
                Row(sb, MarkdownText.Prose(r.Name), MarkdownText.Prose(r.Value), MarkdownText.Prose(r.Definition));
        }

        sb.Append("\n## Gates\n\n");
        if (m.Gates.Count == 0) sb.Append("No gates evaluated.\n");
        else
        {
            sb.Append("| Gate | Rule | Value | Verdict |\n|---|---|---:|---|\n");
            foreach (var g in m.Gates)
                Row(sb, MarkdownText.Code(g.Gate), "value " + MarkdownText.Prose(g.Comparison) + " " + ReportNumbers.Number(g.Threshold),
                    ReportNumbers.Number(g.Value), g.Passed ? "✓ PASS" : "✗ FAIL");
        }

        Curves(sb, m.Equity);

        sb.Append("\n## Profit and loss by component (USDT)\n\n");
        if (ReportText.NoCosts(m.Costs)) sb.Append(Capitalised(ReportText.NoTrades)).Append(".\n");
        else
        {
            sb.Append("| Component | USDT |\n|---|---:|\n");
            foreach (var (label, value, total) in ReportText.CostRows(m.Costs))
                Row(sb, total ? "**" + MarkdownText.Prose(label) + "**" : MarkdownText.Prose(label),
                    total ? "**" + ReportNumbers.Money(value) + "**" : ReportNumbers.Money(value));
        }

        sb.Append("\n## Walk-forward folds\n\n");
        if (m.Folds.Count == 0) sb.Append(Capitalised(ReportText.NoFolds)).Append(".\n");
        else
        {
            sb.Append("| Fold | Train (in sample) | Test (out of sample) | Blueprints | Trades | OOS return | IS Sharpe | OOS Sharpe |\n")
              .Append("|---|---|---|---:|---:|---:|---:|---:|\n");
            foreach (var f in m.Folds)
                Row(sb, MarkdownText.Code(f.Fold), MarkdownText.Prose(f.TrainFrom) + " → " + MarkdownText.Prose(f.TrainTo),
                    MarkdownText.Prose(f.TestFrom) + " → " + MarkdownText.Prose(f.TestTo), ReportNumbers.Count(f.Blueprints),
                    ReportNumbers.Count(f.Trades), ReportNumbers.Percent(f.OosReturn), ReportNumbers.Ratio(f.IsSharpe), ReportNumbers.Ratio(f.OosSharpe));
        }

        sb.Append("\n## Blueprints traded\n\n");
        if (m.Blueprints.Count == 0) sb.Append("No blueprint traded.\n");
        else
        {
            sb.Append("| Fold | Blueprint | Symbol | Trigger | Direction | Horizon (bars) | Trades | Net P&L (USDT) | Hypothesis | Window | Cost digest |\n")
              .Append("|---|---|---|---|---|---:|---:|---:|---|---|---|\n");
            foreach (var b in m.Blueprints)
                Row(sb, MarkdownText.Code(b.Fold), MarkdownText.Code(b.Id), MarkdownText.Prose(b.Symbol), MarkdownText.Code(b.Trigger),
                    MarkdownText.Prose(b.Direction), ReportNumbers.Count(b.HorizonBars), ReportNumbers.Count(b.Trades), ReportNumbers.Money(b.NetPnl),
                    MarkdownText.Code(b.Hypothesis), MarkdownText.Code(b.Window), MarkdownText.Code(b.CostDigest));
        }

        sb.Append("\n## Research funnel\n\n");
        if (m.Funnel.Count == 0) sb.Append("No funnel recorded.\n");
        else
        {
            var first = m.Funnel[0].Count;
            sb.Append("| Step | Count | Share of first step | Note |\n|---|---:|---:|---|\n");
            foreach (var f in m.Funnel)
                Row(sb, MarkdownText.Prose(f.Step), ReportNumbers.Count(f.Count),
                    first > 0 ? ReportNumbers.Percent((double)f.Count / first).TrimStart('+') : "n/a", MarkdownText.Prose(f.Note));
        }

        sb.Append("\n## Input digests\n\n").Append(ReportText.Certificate).Append("\n\n");
        if (m.Digests.Count == 0) sb.Append("No digests recorded.\n");
        else
        {
            sb.Append("| Kind | Name | SHA-256 |\n|---|---|---|\n");
            foreach (var d in m.Digests) Row(sb, MarkdownText.Prose(d.Kind), MarkdownText.Code(d.Name), MarkdownText.Code(d.Sha256));
        }
        return sb.ToString();
    }

    /// <summary>What the equity and drawdown charts show, as numbers: first, last, lowest and highest value of each curve.</summary>
    private static void Curves(StringBuilder sb, ReportSeries e)
    {
        sb.Append("\n## Equity and drawdown (chart data summary)\n\n");
        var points = 0;
        for (var i = 0; i < e.Ts.Length; i++)
            if (double.IsFinite(e.Equity[i]) || double.IsFinite(e.BuyAndHold[i])) points++;
        if (points == 0) { sb.Append(Capitalised(ReportText.NoTrades)).Append(".\n"); return; }
        sb.Append(ReportNumbers.Count(points)).Append(" points from ").Append(Backtest.Core.Time.UtcTime.Format(e.Ts[0]))
          .Append(" to ").Append(Backtest.Core.Time.UtcTime.Format(e.Ts[^1])).Append(" (bar closes).\n\n");
        sb.Append("| Curve | First | Last | Lowest | Highest |\n|---|---:|---:|---:|---:|\n");
        Summary(sb, "Strategy equity (USDT)", e.Equity, ReportNumbers.Money);
        Summary(sb, "Buy-and-hold equity (USDT)", e.BuyAndHold, ReportNumbers.Money);
        Summary(sb, "Strategy drawdown", e.Drawdown, ReportNumbers.Percent);
    }

    private static void Summary(StringBuilder sb, string name, double[] values, Func<double, string> format)
    {
        double first = double.NaN, last = double.NaN, low = double.NaN, high = double.NaN;
        foreach (var v in values)
        {
            if (!double.IsFinite(v)) continue;
            if (double.IsNaN(first)) { first = v; low = v; high = v; }
            last = v;
            low = Math.Min(low, v);
            high = Math.Max(high, v);
        }
        Row(sb, name, format(first), format(last), format(low), format(high));
    }

    private static void Row(StringBuilder sb, params string[] cells)
    {
        sb.Append('|');
        foreach (var c in cells) sb.Append(' ').Append(c).Append(" |");
        sb.Append('\n');
    }

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
