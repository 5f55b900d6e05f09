using Backtest.Testing;
using Backtest.Core.Bars;
using Backtest.Core.Costs;
using Backtest.Core.Engine;
using Backtest.Core.Market;
using Backtest.Core.Strategies;
using static Backtest.Core.Tests.Engine.KernelFixtures;

namespace Backtest.Core.Tests.Engine;

/// <summary>The ledger with every friction on: its identity, an independent cash account, trades vs bars, no look-ahead, determinism.</summary>
public sealed class LedgerTests
{
    private const int N = 30_000;

    private static CostSettings AllCosts => CostFile(takerBps: 4, halfSpreadBps: 0.5, impact: ImpactModelKind.SquareRoot, y: 0.7, cap: 0.05, borrow: 0.10, windowDays: 2);

    private static (BarFrame Bars, Strategy Strategy) Case(MarketKind market, Direction direction, ulong seed = 5)
    {
        var bars = SyntheticBars.RandomWalk(N, seed);
        var rng = new TestRandom(seed * 31);
        var entry = Enumerable.Range(0, N).Select(_ => rng.NextDouble() < 0.02).ToArray();
        var exit = Enumerable.Range(0, N).Select(_ => rng.NextDouble() < 0.01).ToArray();
        var atr = Enumerable.Range(0, N).Select(i => i < 14 ? double.NaN : bars.Close[i] * 0.004).ToArray();
        return (bars, Strategy(entry, exit, timeStop: 150, stopLoss: 2, takeProfit: 3, atr: atr, direction: direction, market: market,
            sizing: new RiskBudgetSizing(0.5, 1)));
    }

    public static TheoryData<MarketKind, Direction> Markets => new()
    {
        { MarketKind.Perp, Direction.Long }, { MarketKind.Perp, Direction.Short }, { MarketKind.Spot, Direction.Short },
    };

    [Theory]
    [MemberData(nameof(Markets))]
    public void Equity_change_is_the_sum_of_components_every_bar_and_matches_an_independent_cash_account(MarketKind market, Direction direction)
    {
        var (bars, strategy) = Case(market, direction);
        const double capital = 1_000_000;
        var r = Kernel(AllCosts, capital).Run(strategy, bars);
        var l = r.Ledger;
        Assert.True(r.Trades.Count > 200, $"only {r.Trades.Count} trades");
        Assert.True(r.Fills.Sum(f => f.Impact) > 0 && r.Fills.Sum(f => f.Spread) > 0 && r.Fills.Sum(f => f.Fee) > 0);
        if (market == MarketKind.Perp) Assert.NotEqual(0, l.Funding.Sum());
        else Assert.True(l.Borrow.Sum() > 0);

        // 1. the identity, exactly, bar by bar
        var previous = capital;
        for (var t = 0; t < N; t++)
        {
            var change = l.PricePnl[t] - l.Fees[t] - l.Spread[t] - l.Impact[t] + l.Funding[t] - l.Borrow[t];
            Assert.True(previous + change == l.Equity[t], $"bar {t}: {previous} + {change} != {l.Equity[t]}");
            previous = l.Equity[t];
        }

        // 2. an independent cash account from the fills alone: cash pays the executed price and the fee; carry from the rates
        var fillsByBar = r.Fills.ToLookup(f => f.Bar);
        var barYears = 5.0 / (365 * 24 * 60);
        double cash = capital, position = 0;
        for (var t = 0; t < N; t++)
        {
            foreach (var f in fillsByBar[t])
            {
                cash -= f.Quantity * f.Price + f.Fee;
                position += f.Quantity;
            }
            if (market == MarketKind.Perp && bars.FundingIntervalHours[t] > 0) cash -= bars.FundingRate[t] * position * bars.Close[t];
            if (market == MarketKind.Spot && position < 0) cash -= 0.10 * -position * bars.Close[t] * barYears;
            var equity = cash + position * bars.Close[t];
            Assert.True(Math.Abs(equity - l.Equity[t]) < 1e-6 * capital, $"bar {t}: cash account {equity} vs ledger {l.Equity[t]}");
            Assert.Equal(position, l.Position[t], 1e-12);
        }

        // 3. trades and bars tell the same story
        var trades = r.Trades.Concat(r.OpenTrade is { } o ? [o] : []).ToList();
        var totals = l.Totals();
        Assert.Equal(totals.Fees, trades.Sum(t => t.Fees), 1e-6);
        Assert.Equal(totals.Spread, trades.Sum(t => t.Spread), 1e-6);
        Assert.Equal(totals.Impact, trades.Sum(t => t.Impact), 1e-6);
        Assert.Equal(totals.Funding, trades.Sum(t => t.Funding), 1e-6);
        Assert.Equal(totals.Borrow, trades.Sum(t => t.Borrow), 1e-6);
        Assert.Equal(totals.PricePnl, trades.Sum(t => t.PricePnl), 1e-4);
        Assert.Equal(totals.FinalEquity - capital, trades.Sum(t => t.NetPnl), 1e-4);
    }

    [Fact]
    public void Impact_and_the_participation_cap_use_liquidity_from_bars_up_to_the_signal_bar_only()
    {
        var (bars, strategy) = Case(MarketKind.Perp, Direction.Long);
        var r = Kernel(AllCosts).Run(strategy with { Sizing = new FixedUnitsSizing(1_000) }, bars);
        foreach (var trade in r.Trades.Take(50))
        {
            var s = trade.EntrySignalBar;
            // direct computation over the 2-day window ending at the signal bar
            var w = 576;
            var returns = Enumerable.Range(Math.Max(1, s - w + 1), s - Math.Max(1, s - w + 1) + 1).Select(i => bars.Close[i] / bars.Close[i - 1] - 1).ToArray();
            var mean = returns.Average();
            var sigma = Math.Sqrt(returns.Sum(x => (x - mean) * (x - mean)) / (returns.Length - 1)) * Math.Sqrt(288);
            var meanQuote = bars.QuoteVolume[Math.Max(0, s - w + 1)..(s + 1)].Average();
            var units = Math.Min(1_000, 0.05 * meanQuote / bars.Close[s]); // 1,000 BTC is far above 5 % of a bar: the cap binds
            Assert.Equal(units, Math.Abs(trade.Quantity), 1e-9 * units);
            var fill = r.Fills.Single(f => f.Bar == trade.EntryBar && f.IsEntry);
            var notional = units * fill.ReferencePrice;
            Assert.Equal(0.7 * sigma * Math.Sqrt(notional / (meanQuote * 288)) * notional, fill.Impact, 1e-9 * notional);
            Assert.Equal(0.5e-4 * notional, fill.Spread, 1e-9 * notional);
        }
    }

    [Fact]
    public void Removing_future_bars_changes_nothing_before_them()
    {
        var (bars, strategy) = Case(MarketKind.Perp, Direction.Long);
        var full = Kernel(AllCosts).Run(strategy, bars);
        foreach (var k in new[] { 5_000, 17_345 })
        {
            var cut = bars.Slice(0, k);
            var truncated = Kernel(AllCosts).Run(strategy with
            {
                Entry = strategy.Entry[..k], Exit = strategy.Exit![..k], Atr = strategy.Atr![..k],
            }, cut);
            Assert.Equal(full.Ledger.Equity[..k], truncated.Ledger.Equity);
            Assert.Equal(full.Ledger.Impact[..k], truncated.Ledger.Impact);
            Assert.Equal(full.Ledger.Funding[..k], truncated.Ledger.Funding);
            Assert.Equal(full.Ledger.Position[..k], truncated.Ledger.Position);
            Assert.Equal(full.Trades.Where(t => t.ExitBar < k), truncated.Trades);
        }
    }

    [Fact]
    public void Runs_are_deterministic_to_the_bit()
    {
        var (bars, strategy) = Case(MarketKind.Spot, Direction.Short);
        var a = Kernel(AllCosts).Run(strategy, bars);
        var b = Kernel(AllCosts).Run(strategy, bars);
        foreach (var (x, y) in new[]
                 {
                     (a.Ledger.Equity, b.Ledger.Equity), (a.Ledger.PricePnl, b.Ledger.PricePnl), (a.Ledger.Fees, b.Ledger.Fees),
                     (a.Ledger.Spread, b.Ledger.Spread), (a.Ledger.Impact, b.Ledger.Impact), (a.Ledger.Funding, b.Ledger.Funding),
                     (a.Ledger.Borrow, b.Ledger.Borrow), (a.Ledger.Position, b.Ledger.Position),
                 })
            Assert.True(System.Runtime.InteropServices.MemoryMarshal.AsBytes(x.AsSpan()).SequenceEqual(System.Runtime.InteropServices.MemoryMarshal.AsBytes(y.AsSpan())));
        Assert.Equal(a.Trades, b.Trades);
        Assert.Equal(a.Fills, b.Fills);
    }

    [Fact]
    public void Spot_shorts_pay_borrow_for_every_bar_held_and_nothing_else_does()
    {
        var bars = SyntheticBars.FromPrices(Enumerable.Repeat(60_000.0, 20).ToArray(), Enumerable.Repeat(60_000.0, 20).ToArray());
        var costs = CostFile(borrow: 0.10);
        var perBar = 0.10 * 60_000 * 5 / 525_600;
        var spotShort = Kernel(costs).Run(Strategy(SyntheticBars.At(20, 2), timeStop: 6, direction: Direction.Short, market: MarketKind.Spot), bars);
        Assert.Equal(6 * perBar, spotShort.Ledger.Borrow.Sum(), 1e-12); // held through bars 3..8, flat from bar 9's open
        Assert.Equal(6 * perBar, Assert.Single(spotShort.Trades).Borrow, 1e-12);
        Assert.Equal(0, Kernel(costs).Run(Strategy(SyntheticBars.At(20, 2), timeStop: 6, direction: Direction.Short), bars).Ledger.Borrow.Sum());
        Assert.Equal(0, Kernel(costs).Run(Strategy(SyntheticBars.At(20, 2), timeStop: 6, market: MarketKind.Spot), bars).Ledger.Borrow.Sum());
    }
}
