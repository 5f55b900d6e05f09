using Backtest.Core.Bars;
using Backtest.Core.Strategies;

namespace Backtest.Core.Engine;

/// <summary>
/// Several symbols' strategies on one aligned timestamp grid, sharing capital: every bar, all books fill at the open,
/// mark at the close, then decide; the entries wanted at a close are allocated together by the
/// <see cref="IRiskAllocator"/> from the total equity and the gross exposure that stays open (so risk budgets follow
/// current equity and a gross leverage cap scales that bar's entries down). Same <see cref="SymbolBook"/> and models as
/// <see cref="ResearchKernel"/>, which is the one-symbol special case (a test holds them equal).
/// </summary>
public sealed class PortfolioKernel
{
    private readonly EngineModels _models;
    private readonly double _initialCapital;

    /// <summary>A kernel that runs portfolios with <paramref name="models"/> from <paramref name="initialCapital"/>.</summary>
    public PortfolioKernel(EngineModels models, double initialCapital)
    {
        if (!(initialCapital > 0) || !double.IsFinite(initialCapital))
            throw new ArgumentOutOfRangeException(nameof(initialCapital), initialCapital, "initial capital must be a positive finite amount");
        _models = models;
        _initialCapital = initialCapital;
    }

    /// <summary>Runs each strategy on its bars; all frames must share one timestamp grid. Order of legs is kept in the result.</summary>
    public PortfolioResult Run(IReadOnlyList<(Strategy Strategy, BarFrame Bars)> legs)
    {
        if (legs.Count == 0) throw new ArgumentException("a portfolio needs at least one strategy", nameof(legs));
        var grid = legs[0].Bars.Ts;
        var n = grid.Length;
        var books = new SymbolBook[legs.Count];
        for (var i = 0; i < legs.Count; i++)
        {
            var (strategy, bars) = legs[i];
            strategy.EnsureFits(bars);
            if (!bars.Ts.AsSpan().SequenceEqual(grid))
                throw new StrategyException(strategy.Id, $"the bars of {bars.Symbol} are not on the portfolio's timestamp grid (that of {legs[0].Bars.Symbol}, {n} bars)");
            if (bars.Timeframe != legs[0].Bars.Timeframe)
                throw new StrategyException(strategy.Id, $"the bars of {bars.Symbol} are {bars.Timeframe}, the portfolio's are {legs[0].Bars.Timeframe}");
            var liquidity = SymbolBook.NeedsLiquidity(strategy, _models) ? new TrailingLiquidity(bars) : null;
            books[i] = new SymbolBook(strategy, bars, _models, new BarLedger(n, 0), liquidity);
        }

        var total = new BarLedger(n, _initialCapital);
        var equity = _initialCapital;
        var symbolEquity = new double[books.Length];
        var requests = new EntryRequest[books.Length];
        var requesters = new int[books.Length];
        var units = new double[books.Length];
        for (var t = 0; t < n; t++)
        {
            foreach (var book in books) book.FillAtOpen(t);
            var gross = 0.0;
            var pricePnl = 0.0;
            var costs = default(BarCosts);
            for (var i = 0; i < books.Length; i++)
            {
                var book = books[i];
                symbolEquity[i] += book.MarkAtClose(t);
                book.Ledger.Equity[t] = symbolEquity[i];
                pricePnl += book.Ledger.PricePnl[t];
                ref readonly var c = ref book.LastCosts;
                costs.Fees += c.Fees;
                costs.Spread += c.Spread;
                costs.Impact += c.Impact;
                costs.Funding += c.Funding;
                costs.Borrow += c.Borrow;
                gross += Math.Abs(book.Position) * legs[i].Bars.Close[t];
            }
            total.PricePnl[t] = pricePnl;
            if (costs.Any) total.AddCosts(t, costs);
            equity += BarLedger.Net(pricePnl, costs);
            total.Equity[t] = equity;
            total.Position[t] = gross;
            if (t > n - 2) continue;

            var staying = 0.0;
            var count = 0;
            for (var i = 0; i < books.Length; i++)
            {
                books[i].DecideExit(t);
                staying += books[i].StayingExposure(t);
                if (books[i].TryRequestEntry(t, out requests[count])) requesters[count++] = i;
            }
            if (count == 0) continue;
            _models.Allocator.Allocate(requests.AsSpan(0, count), equity, staying, units.AsSpan(0, count));
            for (var k = 0; k < count; k++) books[requesters[k]].PlaceEntry(t, units[k]);
        }
        var results = new ResearchResult[books.Length];
        for (var i = 0; i < books.Length; i++) results[i] = books[i].Finish();
        return new PortfolioResult(results, total);
    }
}
