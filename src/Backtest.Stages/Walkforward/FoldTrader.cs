using Backtest.Core.Bars;
using Backtest.Core.Costs;
using Backtest.Core.Engine;
using Backtest.Core.Events;
using Backtest.Core.Research;
using Backtest.Core.Statistics;
using Backtest.Core.Strategies;
using Backtest.Core.Strategies.Compilation;
using Backtest.Core.Walkforward;
using Backtest.Stages.Discovery;
using Backtest.Stages.Pipeline;

namespace Backtest.Stages.Walkforward;

/// <summary>A fold's out-of-sample equity and its components per bar (quote currency), on the test window's grid.</summary>
public sealed record EquityPiece(long[] Ts, double[] Equity, double[] PricePnl, double[] Fees, double[] Spread, double[] Impact,
    double[] Funding, double[] Borrow, double[] GrossNotional, double[] TradedNotional);

/// <summary>A closed (or, rarely, still open) out-of-sample trade with the blueprint that made it.</summary>
public sealed record FoldTrade(string Blueprint, string Symbol, Trade Trade);

/// <summary>Everything one fold produced.</summary>
public sealed record FoldResult(EquityPiece Equity, IReadOnlyList<FoldTrade> Trades, FoldSummary Summary);

/// <summary>
/// Trades one fold: compiles its blueprints over each symbol's full history (features and events are
/// point-in-time, so the test window's signals are exactly what was knowable then), runs them together on the
/// test window through the portfolio kernel with shared capital, and liquidates what is still open at the
/// window's last open so every fold pays its exit costs. The same blueprints on the train window give the
/// in-sample figures; each candidate alone on the train window gives the CSCV matrix for PBO.
/// </summary>
public static class FoldTrader
{
    /// <summary>Blocks for CSCV on a fold's in-sample daily returns (even).</summary>
    public const int CscvBlocks = 8;

    /// <summary>Runs one fold. IO comes in through <paramref name="bars"/> and <paramref name="feature"/>.</summary>
    public static FoldResult Trade(PipelineSettings s, WalkforwardSettings w, Fold fold, IReadOnlyList<Blueprint> blueprints, CostSettings costs,
        IReadOnlyDictionary<string, EventDefinition> events, Func<string, BarFrame> bars, Func<string, string, double[]> feature, CancellationToken cancel)
    {
        var models = EngineModels.FromCosts(costs, w.GrossLeverageCap);
        var notes = new List<string>();
        var reference = bars(blueprints.Count > 0 ? blueprints[0].Symbol : s.Symbols[0]);
        var testRange = WindowRange.Of(reference.Ts, fold.Test);
        var trainRange = WindowRange.Of(reference.Ts, fold.Train);
        var grid = reference.Ts.AsSpan(testRange.Start, testRange.Length).ToArray();
        var trainGrid = reference.Ts.AsSpan(trainRange.Start, trainRange.Length).ToArray();

        var test = new List<(Strategy, BarFrame)>();
        var train = new List<(Strategy, BarFrame)>();
        var traded = new List<Blueprint>();
        foreach (var b in blueprints)
        {
            cancel.ThrowIfCancellationRequested();
            var frame = bars(b.Symbol);
            var tr = WindowRange.Of(frame.Ts, fold.Test);
            var ir = WindowRange.Of(frame.Ts, fold.Train);
            if (!frame.Ts.AsSpan(tr.Start, tr.Length).SequenceEqual(grid) || !frame.Ts.AsSpan(ir.Start, ir.Length).SequenceEqual(trainGrid) || grid.Length < 3 || trainGrid.Length < 3)
            {
                notes.Add($"{b.Id} not traded: {b.Symbol}'s bars do not cover the fold's windows on the shared grid");
                continue;
            }
            var full = StrategyCompiler.Compile(b, frame, name => frame.Field(name) ?? feature(b.Symbol, name), events);
            test.Add((Window(full, tr), frame.Slice(tr.Start, tr.Length)));
            train.Add((Window(full, ir), frame.Slice(ir.Start, ir.Length)));
            traded.Add(b);
        }

        if (test.Count == 0)
        {
            if (blueprints.Count == 0) notes.Add("no blueprint passed research in this fold's train window: the fold stays in cash");
            var flat = Flat(grid, w.InitialCapital);
            return new FoldResult(flat, [], Summary(fold, blueprints, traded, 0, 0, 0, 0, 0, double.NaN, notes));
        }

        var oos = new PortfolioKernel(models, w.InitialCapital).Run(test);
        var ins = new PortfolioKernel(models, w.InitialCapital).Run(train);
        var trades = new List<FoldTrade>();
        var closedAtEnd = 0;
        for (var i = 0; i < oos.Symbols.Count; i++)
        {
            var r = oos.Symbols[i];
            foreach (var t in r.Trades)
            {
                trades.Add(new FoldTrade(traded[i].Id, r.Symbol, t));
                if (t.ExitSignalBar == grid.Length - 2 && t.ExitReason == ExitReason.Signal && traded[i].Exit.When is null) closedAtEnd++;
            }
            if (r.OpenTrade is { } open) trades.Add(new FoldTrade(traded[i].Id, r.Symbol, open));
        }
        trades.Sort((a, b) => a.Trade.EntryTs != b.Trade.EntryTs ? a.Trade.EntryTs.CompareTo(b.Trade.EntryTs) : string.CompareOrdinal(a.Blueprint, b.Blueprint));

        var piece = Piece(grid, oos, test);
        var isEquity = ins.Total.Equity;
        var pbo = traded.Count >= 2 ? Pbo(train, models, w.InitialCapital) : double.NaN;
        return new FoldResult(piece, trades, Summary(fold, blueprints, traded, trades.Count, closedAtEnd, oos.Symbols.Sum(r => r.SkippedEntries),
            piece.Equity[^1] / w.InitialCapital - 1, AnnualisedDailySharpe(trainGrid, isEquity, w.InitialCapital),
            pbo, notes, AnnualisedDailySharpe(grid, piece.Equity, w.InitialCapital)));
    }

    /// <summary>Annualised (√365) Sharpe of daily P&amp;L returns; NaN when it is undefined.</summary>
    public static double AnnualisedDailySharpe(long[] ts, double[] equity, double initial)
    {
        if (ts.Length == 0) return double.NaN;
        var daily = PerformanceMetrics.DailyReturns(initial, ts, equity);
        return daily.Length < 2 ? double.NaN : SharpeStatistics.AnnualiseIid(SharpeStatistics.SharpeRatio(daily), 365);
    }

    /// <summary>The strategy restricted to a window, flattened at the window's end (exit signalled at the second-to-last bar).</summary>
    private static Strategy Window(Strategy full, WindowRange r)
    {
        var n = r.Length;
        var entry = full.Entry.AsSpan(r.Start, n).ToArray();
        var exit = full.Exit is null ? new bool[n] : full.Exit.AsSpan(r.Start, n).ToArray();
        entry[n - 1] = false;
        entry[n - 2] = false;
        exit[n - 2] = true;
        return full with { Entry = entry, Exit = exit, Atr = full.Atr?.AsSpan(r.Start, n).ToArray() };
    }

    private static EquityPiece Flat(long[] grid, double capital)
    {
        var n = grid.Length;
        var equity = new double[n];
        Array.Fill(equity, capital);
        return new EquityPiece(grid, equity, new double[n], new double[n], new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
    }

    private static EquityPiece Piece(long[] grid, PortfolioResult oos, List<(Strategy Strategy, BarFrame Bars)> legs)
    {
        var n = grid.Length;
        var total = oos.Total;
        var gross = new double[n];
        var traded = new double[n];
        for (var i = 0; i < oos.Symbols.Count; i++)
        {
            var ledger = oos.Symbols[i].Ledger;
            var close = legs[i].Bars.Close;
            for (var t = 0; t < n; t++) gross[t] += Math.Abs(ledger.Position[t] * close[t]);
            foreach (var f in oos.Symbols[i].Fills) traded[f.Bar] += Math.Abs(f.Quantity * f.Price);
        }
        return new EquityPiece(grid, (double[])total.Equity.Clone(), (double[])total.PricePnl.Clone(), (double[])total.Fees.Clone(),
            (double[])total.Spread.Clone(), (double[])total.Impact.Clone(), (double[])total.Funding.Clone(), (double[])total.Borrow.Clone(), gross, traded);
    }

    /// <summary>PBO by CSCV over each candidate's daily in-sample returns traded alone.</summary>
    private static double Pbo(List<(Strategy Strategy, BarFrame Bars)> train, EngineModels models, double capital)
    {
        var columns = new List<double[]>();
        foreach (var (strategy, frame) in train)
        {
            var r = new ResearchKernel(models, capital).Run(strategy, frame);
            columns.Add(PerformanceMetrics.DailyReturns(capital, frame.Ts, r.Ledger.Equity));
        }
        var rows = columns.Min(c => c.Length);
        if (rows < CscvBlocks * 2) return double.NaN;
        var matrix = new double[rows * columns.Count];
        for (var t = 0; t < rows; t++)
            for (var j = 0; j < columns.Count; j++) matrix[t * columns.Count + j] = columns[j][t];
        return BacktestOverfitting.Cscv(matrix, rows, columns.Count, CscvBlocks).Pbo;
    }

    private static FoldSummary Summary(Fold fold, IReadOnlyList<Blueprint> blueprints, IReadOnlyList<Blueprint> traded, int trades, int closedAtEnd,
        int skipped, double oosReturn, double isSharpe, double pbo, List<string> notes, double oosSharpe = double.NaN) =>
        new(fold.Id, fold.Train.FromTs, fold.Train.ToTs, fold.Test.FromTs, fold.Test.ToTs, blueprints.Count, traded.Select(b => b.Id).ToArray(),
            trades, closedAtEnd, skipped, oosReturn, isSharpe, oosSharpe, pbo, notes);
}
