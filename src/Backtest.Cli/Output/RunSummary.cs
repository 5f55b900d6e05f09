using System.Globalization;
using Backtest.Cli.Run;
using Backtest.Core.Market;
using Backtest.Core.Time;
using Spectre.Console;

namespace Backtest.Cli.Output;

/// <summary>
/// The printed summary of a run as (figure, value) rows, rendered as a Spectre.Console table for a person at a
/// terminal or as aligned plain text when the output is redirected (logs, pipes, tests). Both show the same rows.
/// </summary>
public static class RunSummary
{
    /// <summary>The rows, in reading order.</summary>
    public static IReadOnlyList<(string Figure, string Value)> Rows(RunOutcome o)
    {
        var r = o.Result;
        var b = o.BarsReport;
        var p = o.Performance;
        var t = o.Totals;
        var rows = new List<(string, string)>
        {
            ("blueprint", $"{o.Blueprint.Id} ({o.BlueprintFile}), {o.Blueprint.Direction.ToText()} {o.Blueprint.Symbol} {o.Blueprint.Market.ToFolder()} {o.Blueprint.Timeframe}"),
            ("bars", $"{Count(b.Bars)} {b.Timeframe} bars{(b.TimeframeInferred ? " (timeframe from the spacing)" : "")}, {UtcTime.Format(b.FirstTs)} to {UtcTime.Format(b.LastTs)}, from {b.File} ({b.Format})"),
            ("gaps", b.FilledBars == 0 ? "none" : $"{Count(b.FilledBars)} bars forward-filled in {Count(b.Gaps.Count)} gaps (no entries on them)"),
            ("costs", $"{o.CostsFile} (digest {o.CostDigest[..12]}…)"),
            ("trades", $"{Count(r.Trades.Count)} closed" + (r.OpenTrade is null ? "" : "; 1 still open at the end (marked at the last close, not counted)")
                       + (r.SkippedEntries > 0 ? $"; {Count(r.SkippedEntries)} entry signals could not be sized" : "")),
            ("net P&L", $"{Money(t.NetPnl)} ({Percent(t.NetPnl / o.Capital)} of {Money(o.Capital, signed: false)})"),
            ("  price P&L", Money(t.PricePnl)),
            ("  fees", Money(-t.Fees)),
            ("  spread", Money(-t.Spread)),
            ("  impact", Money(-t.Impact)),
            ("  funding", Money(t.Funding)),
            ("  borrow", Money(-t.Borrow)),
            ("final equity", Money(t.FinalEquity, signed: false)),
            ("Sharpe", $"{Ratio(p.DailySharpe)} (daily returns, annualised over 365 days); per-bar {Ratio(p.BarSharpe)} (diagnostic)"),
            ("max drawdown", $"{Percent(-p.MaxDrawdown)} (longest under water {Fixed(p.MaxDrawdownDays)} days)"),
            ("hit rate", r.Trades.Count == 0 ? "n/a" : $"{Percent(p.HitRate, signed: false)}; average trade {Fixed(p.AverageTradeBps)} bps net"),
            ("output", $"{o.OutputFolder}{Path.DirectorySeparatorChar}trades.csv, equity.csv"),
        };
        return rows;
    }

    /// <summary>Prints the summary: a table when <paramref name="interactive"/>, else plain aligned text.</summary>
    public static void Print(RunOutcome outcome, TextWriter writer, bool interactive)
    {
        var rows = Rows(outcome);
        if (!interactive)
        {
            var width = rows.Max(x => x.Figure.Length);
            writer.WriteLine($"backtest run: {outcome.Blueprint.Id}");
            foreach (var (figure, value) in rows) writer.WriteLine($"{figure.PadRight(width)}  {value}");
            return;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        var table = new Table { Title = new TableTitle($"backtest run: {Markup.Escape(outcome.Blueprint.Id)}") };
        table.AddColumn("figure");
        table.AddColumn("value");
        foreach (var (figure, value) in rows) table.AddRow(Markup.Escape(figure), Markup.Escape(value));
        console.Write(table);
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Money(double v, bool signed = true) =>
        (signed && v > 0 ? "+" : "") + (v == 0 ? 0.0 : v).ToString("N2", CultureInfo.InvariantCulture);

    private static string Percent(double fraction, bool signed = true) =>
        double.IsFinite(fraction) ? (signed && fraction > 0 ? "+" : "") + (fraction == 0 ? 0.0 : fraction * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %" : "n/a";

    private static string Ratio(double v) => double.IsFinite(v) ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Fixed(double v) => double.IsFinite(v) ? v.ToString("0.0", CultureInfo.InvariantCulture) : "n/a";
}
