using System.Globalization;
using System.Text;
using Backtest.Core.Cleaning;
using Backtest.Core.Time;

namespace Backtest.Stages.Clean;

/// <summary>The readable clean report: what a researcher checks before trusting a series.</summary>
public static class CleanReportText
{
    /// <summary>Markdown summary of a clean report.</summary>
    public static string Render(CleanReport r, string source)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        if (source == "sim") sb.Append("**SYNTHETIC DATA** (built-in simulator)\n\n");
        sb.Append(inv, $"# Clean report: {r.Symbol} {r.Timeframe}\n\n");
        sb.Append(inv, $"- bars: {r.Bars:N0} from {UtcTime.Format(r.FirstTs)} to {UtcTime.Format(r.LastTs)} (bar closes), from {r.RawRows:N0} raw rows\n");
        sb.Append(inv, $"- duplicates: {r.DuplicatesResolved:N0} resolved by the volume rule, {r.ExactDuplicates:N0} exact copies dropped\n");
        sb.Append(inv, $"- gaps: {r.Gaps.Count:N0} runs, {r.FilledBars:N0} bars forward-filled (is_filled)\n");
        sb.Append(inv, $"- zero-volume bars (kept): {r.ZeroVolumeBars:N0}\n");
        sb.Append(inv, $"- outliers flagged (values unchanged): {r.Outliers.Count:N0}\n");
        sb.Append(inv, $"- funding settlements on bars: {r.FundingSettlements:N0} ({r.FundingOutsideRange:N0} outside the bar range)\n");
        sb.Append(inv, $"- bars with open interest: {r.OpenInterestBars:N0}\n");
        if (r.Gaps.Count > 0)
        {
            sb.Append("\n## Largest gaps\n\n| from | to | bars |\n|---|---|---|\n");
            foreach (var g in r.Gaps.OrderByDescending(g => g.Bars).ThenBy(g => g.FromTs).Take(10))
                sb.Append(inv, $"| {UtcTime.Format(g.FromTs)} | {UtcTime.Format(g.ToTs)} | {g.Bars:N0} |\n");
        }
        if (r.DuplicateExamples.Count > 0)
        {
            sb.Append("\n## Duplicates resolved (first 20)\n\n| bar close | copies | kept volume | other volume |\n|---|---|---|---|\n");
            foreach (var d in r.DuplicateExamples)
                sb.Append(inv, $"| {UtcTime.Format(d.Ts)} | {d.Copies} | {d.KeptVolume:G6} | {d.DroppedVolume:G6} |\n");
        }
        if (r.Outliers.Count > 0)
        {
            sb.Append("\n## Outliers (first 20)\n\n| bar close | reason |\n|---|---|\n");
            foreach (var o in r.Outliers.Take(20)) sb.Append(inv, $"| {UtcTime.Format(o.Ts)} | {o.Reason} |\n");
        }
        sb.Append("\n## Rules\n\n");
        foreach (var rule in r.Rules) sb.Append("- ").Append(rule).Append('\n');
        return sb.ToString();
    }
}
