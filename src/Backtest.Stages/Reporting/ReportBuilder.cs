using System.Globalization;
using Backtest.Core.Research;
using Backtest.Core.Time;
using Backtest.Core.Walkforward;
using Backtest.Lake.Files;
using Backtest.Stages.Blueprints;
using Backtest.Stages.Pipeline;
using Backtest.Stages.Walkforward;

namespace Backtest.Stages.Reporting;

/// <summary>Builds the <see cref="ReportModel"/> of a run from its walk-forward outputs (no rendering here).</summary>
public static class ReportBuilder
{
    /// <summary>Most points drawn per chart: enough for the eye, small enough for a light page.</summary>
    public const int MaxChartPoints = 2000;

    /// <summary>Assembles the model; <paramref name="input"/> maps repository-relative paths to readable files.</summary>
    public static ReportModel Build(PipelineSettings s, string run, IReadOnlyList<Fold> folds, IReadOnlyList<string> specFiles,
        IReadOnlyList<string> bars, Func<string, string> input)
    {
        var inv = CultureInfo.InvariantCulture;
        var m = LakeJson.Read<WalkforwardMetrics>(input(WalkforwardPaths.Metrics(run)));
        var equity = Parquet.ParquetFile.Read(input(WalkforwardPaths.Equity(run)));
        var trades = FoldTables.ReadTrades(input(WalkforwardPaths.Trades(run)));
        var summaries = folds.Select(f => LakeJson.Read<FoldSummary>(input(WalkforwardPaths.FoldSummary(run, f.Id)))).ToArray();

        var ts = equity["ts"].Int64s();
        var series = Downsample(ts, equity["equity"].Doubles(), equity["buy_and_hold"].Doubles(), equity["drawdown"].Doubles());
        var p = m.Performance;
        string Pct(double v) => double.IsFinite(v) ? v.ToString("P2", inv) : "n/a";
        string Num(double v, string f = "F2") => double.IsFinite(v) ? v.ToString(f, inv) : "n/a";
        MetricRow[] metrics =
        [
            new("Total return", Pct(p.TotalReturn), "final equity / initial capital − 1, out of sample, after all costs"),
            new("Annual return", Pct(p.AnnualReturn), "compounded over the out-of-sample days (365-day year)"),
            new("Buy and hold return", Pct(m.BuyAndHoldReturn), "equal-weight buy-and-hold of the run's symbols over the same bars"),
            new("Sharpe (daily P&L)", Num(p.DailySharpe), "annualised by √365; the figure the gates use"),
            new("Sortino (daily)", Num(p.DailySortino), "annualised by √365, downside deviation of daily returns"),
            new("Bar Sharpe", Num(p.BarSharpe), "diagnostic only: √(bars per year) scaling is exact only for uncorrelated returns"),
            new("Max drawdown", Pct(p.MaxDrawdown), $"largest fall from a peak; lasted {Num(p.MaxDrawdownDays, "F1")} days"),
            new("Trades", p.Trades.ToString("N0", inv), "closed out-of-sample trades (positions still open at a fold's end are closed at its last open)"),
            new("Hit rate", Pct(p.HitRate), "share of closed trades with positive net P&L"),
            new("Average trade", $"{Num(p.AverageTradeBps)} bps", "mean net return per closed trade on its entry notional"),
            new("Exposure", Pct(p.Exposure), "share of bars with a position"),
            new("Turnover", $"{Num(p.AnnualTurnover, "F1")}× / year", "traded notional / average equity, annualised"),
            new("Deflated Sharpe Ratio", Num(m.Dsr.Value, "F3"), $"probability the daily Sharpe beats the best of {m.Dsr.Trials:N0} null trials (every hypothesis tested)"),
            new("PBO", Num(m.Pbo.Mean, "F3"), "probability of backtest overfitting by CSCV, mean over folds with two or more candidates"),
            new("Funding P&L", m.Costs.Funding.ToString("N2", inv) + " USDT", "funding received (+) or paid (−) at the data's settlements"),
        ];
        var gates = m.Gates.Select(g => new GateRow(g.Gate, g.Comparison, g.Threshold, g.Value, g.Passed)).ToArray();
        var c = m.Costs;
        // Signed contributions to P&L: costs negative, funding as received (+) or paid (−).
        var costs = new CostBreakdown(c.PricePnl, -c.Fees, -c.Spread, -c.Impact, c.Funding, -c.Borrow, c.NetPnl);
        var foldRows = summaries.Select(f => new FoldRow(f.Fold, Day(f.TrainFrom), Day(f.TrainTo), Day(f.TestFrom), Day(f.TestTo),
            f.Blueprints, f.Trades, f.OosReturn, f.IsSharpe, f.OosSharpe)).ToArray();

        var blueprintRows = new List<BlueprintRow>();
        foreach (var f in folds)
            foreach (var b in BlueprintSet.Read(input(BlueprintsStage.Index(f.Id))))
            {
                var mine = trades.Where(t => t.Fold == f.Id && t.Blueprint == b.Id).ToArray();
                var trigger = b.Trigger.Event ?? b.Trigger.When ?? "";
                if (b.Trigger.Filter is { } filter) trigger += $" if {filter}";
                blueprintRows.Add(new BlueprintRow(f.Id, b.Id, b.Symbol, trigger, b.Direction.ToString().ToLowerInvariant(), b.Exit.TimeStopBars ?? 0,
                    b.Provenance?.Hypothesis ?? "", b.Provenance?.Window.Id ?? "", mine.Length, mine.Sum(t => t.PnlNet), b.CostDigest ?? ""));
            }
        var fu = m.Funnel;
        FunnelRow[] funnel =
        [
            new("planned", fu.Planned, $"hypotheses in the plan × {m.Folds} folds"),
            new("tested", fu.Tested, "enough events in the train window for a p-value"),
            new("passed gates", fu.PassedDiscovery, "discovery gates (spec/gates.yaml), FDR over each fold's family"),
            new("passed bridge", fu.PassedBridge, "net of fees, spread, impact and funding"),
            new("traded", fu.Traded, "blueprints with at least one out-of-sample trade"),
        ];
        var digests = new List<DigestRow> { new("costs", "cost digest (spec/costs.yaml)", m.CostDigest) };
        digests.AddRange(specFiles.Select(f => new DigestRow("spec", f, Hashing.FileSha256Hex(input(f)))));
        digests.AddRange(bars.Select(b => new DigestRow("data", b, Hashing.FileSha256Hex(input(b)))));
        digests.AddRange(StageCode.Assemblies.Select(a => new DigestRow("code", a.GetName().Name ?? "", a.ManifestModule.ModuleVersionId.ToString("N"))));

        var notes = new List<string>();
        if (m.Synthetic) notes.Add("SYNTHETIC DATA: the simulator planted the effects listed in the effects file; the result says whether the pipeline recovers them, not anything about a market.");
        if (p.Trades == 0) notes.Add("No out-of-sample trades: nothing passed research and costs in any fold's train window.");
        foreach (var g in m.Gates.Where(g => !g.Passed))
            notes.Add(double.IsNaN(g.Value)
                ? g.Gate == "max_pbo"
                    ? "Gate max_pbo could not be evaluated: no fold had two or more blueprints to choose among (CSCV measures the choice), so it counts as failed: treat this result as unproven."
                    : $"Gate {g.Gate} could not be evaluated (no value), so it counts as failed: treat this result as unproven."
                : $"Gate {g.Gate} not passed ({g.Value.ToString("G4", inv)} vs {g.Comparison} {g.Threshold.ToString("G4", inv)}): treat this result as unproven.");
        if (m.Gates.Any(g => g.Gate == "min_dsr" && !g.Passed) && double.IsFinite(m.Dsr.Value) && double.IsFinite(m.Dsr.ExpectedMaxSharpe))
            notes.Add(DsrNote(m.Dsr));
        foreach (var f in summaries) foreach (var n in f.Notes) notes.Add($"{f.Fold}: {n}");

        var title = $"Walk-forward strategy report: {string.Join(", ", m.Symbols)} ({m.Source}, {m.Timeframe})";
        return new ReportModel(title, run, m.Symbols, m.Source, m.Synthetic, m.Timeframe,
            ts.Length > 0 ? UtcTime.Format(ts[0]) : "", ts.Length > 0 ? UtcTime.Format(ts[^1]) : "",
            series, foldRows, metrics, gates, costs, blueprintRows, funnel, digests, notes);
    }

    /// <summary>
    /// Why DSR failed, in the report's units: a DSR near 0 next to a high Sharpe looks like a bug unless the reader
    /// sees the bar it was measured against and that the bar grows with the spread of the tested hypotheses' Sharpes.
    /// </summary>
    internal static string DsrNote(DsrFigures d)
    {
        var inv = CultureInfo.InvariantCulture;
        var annual = Math.Sqrt(365);
        return $"DSR compares the daily Sharpe ({(d.DailySharpe * annual).ToString("F2", inv)} annualised) with SR0 = " +
               $"{(d.ExpectedMaxSharpe * annual).ToString("F2", inv)}, the best Sharpe expected from {d.Trials.ToString("N0", inv)} trials " +
               $"of pure noise whose Sharpes spread as widely as the tested hypotheses' do (standard deviation " +
               $"{(Math.Sqrt(d.TrialSharpeVariance) * annual).ToString("F2", inv)} annualised). True effects among the tested " +
               "hypotheses widen that spread and raise the bar with it, so DSR is conservative for a family with strong effects; " +
               "it is also the price of testing many hypotheses.";
    }

    private static string Day(long ms) => ms is long.MinValue or long.MaxValue ? "" : UtcTime.Format(ms);

    /// <summary>At most <see cref="MaxChartPoints"/> evenly spaced points, always keeping the last.</summary>
    private static ReportSeries Downsample(long[] ts, double[] equity, double[] buyAndHold, double[] drawdown)
    {
        var n = ts.Length;
        if (n <= MaxChartPoints) return new ReportSeries(ts, equity, buyAndHold, drawdown);
        var step = (double)(n - 1) / (MaxChartPoints - 1);
        var idx = Enumerable.Range(0, MaxChartPoints).Select(k => (int)Math.Round(k * step)).Distinct().ToArray();
        return new ReportSeries(idx.Select(i => ts[i]).ToArray(), idx.Select(i => equity[i]).ToArray(),
            idx.Select(i => buyAndHold[i]).ToArray(), idx.Select(i => drawdown[i]).ToArray());
    }
}
