using Backtest.Core.Bars;
using Backtest.Core.Strategies;

namespace Backtest.Core.Engine;

/// <summary>
/// The research kernel: a pure, deterministic function (Strategy, BarFrame) → ResearchResult under a fixed model
/// family and starting capital. No IO, no clock, no shared state; memory is a handful of per-bar columns plus a record
/// per fill and trade. Conventions are <see cref="SymbolBook"/>'s. Flat stretches are skipped with a vectorised search
/// for the next entry signal, and held stretches run in the book's dedicated loop (<see cref="SymbolBook.Hold"/>);
/// bars with fills take the general path the portfolio kernel uses for every bar.
/// </summary>
public sealed class ResearchKernel
{
    private readonly EngineModels _models;
    private readonly double _initialCapital;

    /// <summary>A kernel that runs strategies with <paramref name="models"/> from <paramref name="initialCapital"/> (quote currency).</summary>
    public ResearchKernel(EngineModels models, double initialCapital)
    {
        if (!(initialCapital > 0) || !double.IsFinite(initialCapital))
            throw new ArgumentOutOfRangeException(nameof(initialCapital), initialCapital, "initial capital must be a positive finite amount");
        _models = models;
        _initialCapital = initialCapital;
    }

    /// <summary>Runs <paramref name="strategy"/> over <paramref name="bars"/>.</summary>
    public ResearchResult Run(Strategy strategy, BarFrame bars)
    {
        strategy.EnsureFits(bars);
        var n = bars.Count;
        var ledger = new BarLedger(n, _initialCapital);
        var liquidity = SymbolBook.NeedsLiquidity(strategy, _models) ? new TrailingLiquidity(bars) : null;
        var book = new SymbolBook(strategy, bars, _models, ledger, liquidity);
        var equityColumn = ledger.Equity;
        var entry = strategy.Entry;
        var requests = new EntryRequest[1];
        var units = new double[1];
        var equity = _initialCapital;
        var lastDecision = n - 2; // the last bar's signals have no next open
        var t = 0;
        while (t < n)
        {
            if (book.IsIdle)
            {
                // flat and nothing pending: bars until the next entry signal change nothing
                var next = t <= lastDecision ? entry.AsSpan(t, lastDecision - t + 1).IndexOf(true) : -1;
                var end = next < 0 ? n : t + next + 1;
                equityColumn.AsSpan(t, end - t).Fill(equity);
                ledger.PricePnl.AsSpan(t, end - t).Clear();
                ledger.Position.AsSpan(t, end - t).Clear();
                if (next < 0) break;
                t += next;
                if (book.TryRequestEntry(t, out requests[0]))
                {
                    _models.Allocator.Allocate(requests, equity, 0, units);
                    book.PlaceEntry(t, units[0]);
                }
                t++;
                continue;
            }
            book.FillAtOpen(t);
            equity += book.MarkAtClose(t);
            equityColumn[t] = equity;
            if (t <= lastDecision)
            {
                book.DecideExit(t);
                if (book.TryRequestEntry(t, out requests[0]))
                {
                    _models.Allocator.Allocate(requests, equity, 0, units);
                    book.PlaceEntry(t, units[0]);
                }
            }
            t++;
            if (book.IsHolding) t = book.Hold(t, lastDecision, ref equity, equityColumn);
        }
        return book.Finish();
    }
}
