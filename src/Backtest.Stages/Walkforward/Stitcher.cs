using Backtest.Core.Bars;
using Backtest.Core.Engine;
using Backtest.Core.Research;
using Backtest.Core.Statistics;
using Backtest.Core.Walkforward;
using Backtest.Lake.Files;
using Backtest.Lake.Layout;
using Backtest.Stages.Bridge;
using Backtest.Stages.Discovery;
using Backtest.Stages.Pipeline;

namespace Backtest.Stages.Walkforward;

/// <summary>
/// Joins the folds' out-of-sample pieces into one account: each fold traded the same initial capital, so the
/// stitched equity compounds fold returns (exact for equity-proportional sizing, which compiled blueprints
/// use); P&amp;L components and trades are scaled by the equity the fold starts with. Then every metric.
/// </summary>
public static class Stitcher
{
    /// <summary>Writes folds.parquet, trades.parquet, equity.parquet and metrics.json; returns the metrics.</summary>
    public static WalkforwardMetrics Stitch(PipelineSettings s, WalkforwardSettings w, IReadOnlyList<Fold> folds, string run, WalkforwardGates gates,
        string costDigest, int planned, Func<string, string> input, Func<string, BarFrame> bars, Func<string, string> output)
    {
        var capital = w.InitialCapital;
        var ts = new List<long>();
        var equity = new List<double>();
        var parts = new List<double>[8];
        for (var k = 0; k < parts.Length; k++) parts[k] = [];
        var trades = new List<FoldTables.TradeRow>();
        var summaries = new List<FoldSummary>();
        var start = capital;
        foreach (var fold in folds)
        {
            var piece = FoldTables.ReadEquity(input(WalkforwardPaths.FoldEquity(run, fold.Id)));
            var summary = LakeJson.Read<FoldSummary>(input(WalkforwardPaths.FoldSummary(run, fold.Id)));
            var scale = start / capital;
            for (var t = 0; t < piece.Ts.Length; t++)
            {
                ts.Add(piece.Ts[t]);
                equity.Add(piece.Equity[t] * scale);
                parts[0].Add(piece.PricePnl[t] * scale); parts[1].Add(piece.Fees[t] * scale); parts[2].Add(piece.Spread[t] * scale);
                parts[3].Add(piece.Impact[t] * scale); parts[4].Add(piece.Funding[t] * scale); parts[5].Add(piece.Borrow[t] * scale);
                parts[6].Add(piece.GrossNotional[t] * scale); parts[7].Add(piece.TradedNotional[t] * scale);
            }
            foreach (var r in FoldTables.ReadTrades(input(WalkforwardPaths.FoldTrades(run, fold.Id))))
                trades.Add(r with
                {
                    Quantity = r.Quantity * scale, PricePnl = r.PricePnl * scale, Fees = r.Fees * scale, Spread = r.Spread * scale,
                    Impact = r.Impact * scale, Funding = r.Funding * scale, Borrow = r.Borrow * scale, PnlNet = r.PnlNet * scale,
                });
            summaries.Add(summary);
            if (piece.Equity.Length > 0) start = piece.Equity[^1] * scale;
        }
        var tsA = ts.ToArray();
        var eqA = equity.ToArray();
        var stitched = new EquityPiece(tsA, eqA, [.. parts[0]], [.. parts[1]], [.. parts[2]], [.. parts[3]], [.. parts[4]], [.. parts[5]], [.. parts[6]], [.. parts[7]]);
        var buyAndHold = BuyAndHold(s, tsA, capital, bars);
        var drawdown = Drawdown(eqA);

        var performance = PerformanceMetrics.Compute(s.Timeframe, capital, tsA, eqA, stitched.GrossNotional, stitched.TradedNotional,
            trades.Where(t => !t.Open).Select(t => t.Return).ToArray());
        var costs = new LedgerTotals(stitched.PricePnl.Sum(), stitched.Fees.Sum(), stitched.Spread.Sum(), stitched.Impact.Sum(),
            stitched.Funding.Sum(), stitched.Borrow.Sum(), eqA.Length > 0 ? eqA[^1] : capital);
        var dsr = Deflated(capital, tsA, eqA, folds, input);
        var pboPerFold = summaries.Where(x => !double.IsNaN(x.Pbo)).Select(x => new KeyValuePair<string, double>(x.Fold, x.Pbo)).ToArray();
        var pbo = new PboFigures(pboPerFold.Length == 0 ? double.NaN : pboPerFold.Average(p => p.Value), pboPerFold, BacktestOverfitting.Convention);
        GateVerdict[] verdicts = [GateVerdict.AtLeast("min_dsr", gates.MinDsr, dsr.Value), GateVerdict.AtMost("max_pbo", gates.MaxPbo, pbo.Mean)];
        var funnel = Funnel(folds, summaries, trades, planned, input);
        var metrics = new WalkforwardMetrics(run, s.Source, s.Synthetic, s.Symbols, s.Timeframe.ToString(), folds.Count, capital, performance,
            buyAndHold.Length > 0 ? buyAndHold[^1] / capital - 1 : 0, costs, dsr, pbo, verdicts, funnel,
            summaries.Select(x => new DegradationRow(x.Fold, x.IsSharpe, x.OosSharpe)).ToArray(), costDigest,
            [.. PerformanceMetrics.Conventions,
             new("dsr", "PSR(SR0) of the stitched daily returns; SR0 from the variance of every tested hypothesis's per-day Sharpe (mean/sd of its event sample × √(effective events per day, ESS)) and N = their count over all folds; raw kurtosis"),
             new("pbo", "CSCV on each fold's in-sample daily returns of its candidate blueprints traded alone (8 blocks); mean over folds with at least two candidates"),
             new("stitching", "each fold trades the initial capital; stitched equity compounds fold returns; components and trades scaled by the equity the fold starts with; positions still open at a test window's end are closed at its last open")]);

        FoldsTable.Write(output(WalkforwardPaths.Folds(run)), summaries);
        FoldTables.WriteTradeRows(output(WalkforwardPaths.Trades(run)), trades);
        FoldTables.WriteEquity(output(WalkforwardPaths.Equity(run)), stitched, buyAndHold, drawdown);
        LakeJson.Write(output(WalkforwardPaths.Metrics(run)), metrics);
        return metrics;
    }

    /// <summary>Equal-weight buy-and-hold of the run's symbols over the same out-of-sample bars, compounding per-bar returns.</summary>
    private static double[] BuyAndHold(PipelineSettings s, long[] ts, double capital, Func<string, BarFrame> bars)
    {
        var result = new double[ts.Length];
        var frames = s.Symbols.Select(bars).ToArray();
        var value = capital;
        for (var t = 0; t < ts.Length; t++)
        {
            double sum = 0;
            var count = 0;
            foreach (var f in frames)
            {
                var i = Array.BinarySearch(f.Ts, ts[t]);
                if (i <= 0) continue;
                sum += f.Close[i] / f.Close[i - 1] - 1;
                count++;
            }
            if (count > 0) value *= 1 + sum / count;
            result[t] = value;
        }
        return result;
    }

    private static double[] Drawdown(double[] equity)
    {
        var result = new double[equity.Length];
        var peak = double.MinValue;
        for (var t = 0; t < equity.Length; t++)
        {
            peak = Math.Max(peak, equity[t]);
            result[t] = peak > 0 ? equity[t] / peak - 1 : 0;
        }
        return result;
    }

    private static DsrFigures Deflated(double capital, long[] ts, double[] equity, IReadOnlyList<Fold> folds, Func<string, string> input)
    {
        var trials = new List<double>();
        foreach (var fold in folds)
        {
            var days = (fold.Train.ToTs - fold.Train.FromTs) / 86_400_000.0;
            foreach (var h in DiscoveryTable.Read(input(LakeLayout.Hypotheses(fold.Id))))
                if (!double.IsNaN(h.P) && h.SdBps > 0 && h.Ess > 1)
                    trials.Add(h.MeanBps / h.SdBps * Math.Sqrt(h.Ess / days));
        }
        var daily = ts.Length == 0 ? [] : PerformanceMetrics.DailyReturns(capital, ts, equity);
        if (daily.Length < 3 || trials.Count == 0)
            return new DsrFigures(double.NaN, double.NaN, daily.Length, trials.Count, double.NaN, double.NaN, double.NaN, double.NaN);
        var d = SharpeStatistics.Deflated(daily, trials.ToArray());
        return new DsrFigures(d.Dsr, d.SharpeRatio, daily.Length, d.Trials, d.TrialSharpeVariance, d.ExpectedMaxSharpe, d.Skewness, d.RawKurtosis);
    }

    private static FunnelCounts Funnel(IReadOnlyList<Fold> folds, IReadOnlyList<FoldSummary> summaries, IReadOnlyList<FoldTables.TradeRow> trades, int planned, Func<string, string> input)
    {
        int tested = 0, passedDiscovery = 0, passedBridge = 0;
        foreach (var fold in folds)
        {
            var d = LakeJson.Read<DiscoveryReport.Summary>(input(LakeLayout.DiscoverySummary(fold.Id)));
            var b = LakeJson.Read<BridgeReport.Summary>(input(LakeLayout.BridgeSummary(fold.Id)));
            tested += d.Tested;
            passedDiscovery += d.Passed;
            passedBridge += b.Passed;
        }
        return new FunnelCounts(planned * folds.Count, tested, passedDiscovery, passedBridge, summaries.Sum(x => x.Blueprints),
            trades.Select(t => (t.Fold, t.Blueprint)).Distinct().Count());
    }
}
