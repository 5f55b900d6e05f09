using Backtest.Testing;
using Backtest.Core.Bars;
using Backtest.Core.Costs;
using Backtest.Core.Engine;
using Backtest.Core.Strategies;
using static Backtest.Core.Tests.Engine.KernelFixtures;

using Backtest.Core.Market;

namespace Backtest.Core.Tests.Engine;

public sealed class PortfolioKernelTests
{
    private static CostSettings AllCosts => CostFile(takerBps: 4, halfSpreadBps: 0.5, impact: ImpactModelKind.SquareRoot, cap: 0.05, windowDays: 1);

    private static Strategy RandomStrategy(BarFrame bars, ulong seed, Sizing sizing, Direction direction = Direction.Long)
    {
        var rng = new TestRandom(seed);
        var entry = Enumerable.Range(0, bars.Count).Select(_ => rng.NextDouble() < 0.02).ToArray();
        return Strategy(entry, timeStop: 48, direction: direction, sizing: sizing, symbol: bars.Symbol, id: bars.Symbol.ToLowerInvariant());
    }

    [Theory]
    [InlineData(Backtest.Core.Market.MarketKind.Perp, Direction.Long)]
    [InlineData(Backtest.Core.Market.MarketKind.Spot, Direction.Short)]
    public void A_one_symbol_portfolio_is_the_research_kernel_to_the_bit(Backtest.Core.Market.MarketKind market, Direction direction)
    {
        // the research kernel runs held bars in its dedicated loop, the portfolio through the general path: they must agree exactly
        var bars = SyntheticBars.RandomWalk(20_000, 3);
        var strategy = RandomStrategy(bars, 9, new RiskBudgetSizing(0.3, 1), direction) with { Market = market };
        var models = EngineModels.FromCosts(AllCosts with { Borrow = new BorrowSettings(0.1) }, 2.0);
        var single = new ResearchKernel(models, 1_000_000).Run(strategy, bars);
        var portfolio = new PortfolioKernel(models, 1_000_000).Run([(strategy, bars)]);
        Assert.True(single.Trades.Count > 100);
        Assert.Equal(single.Ledger.Equity, portfolio.Total.Equity);
        Assert.Equal(single.Ledger.Borrow, portfolio.Total.Borrow);
        Assert.Equal(single.Ledger.Funding, portfolio.Total.Funding);
        Assert.True(market == Backtest.Core.Market.MarketKind.Spot ? single.Ledger.Totals().Borrow > 0 : single.Ledger.Totals().Funding != 0);
        Assert.Equal(single.Fills, portfolio.Symbols[0].Fills);
        Assert.Equal(single.Trades, portfolio.Symbols[0].Trades);
        Assert.Equal(single.OpenTrade, portfolio.Symbols[0].OpenTrade);
        Assert.Equal(single.SkippedEntries, portfolio.Symbols[0].SkippedEntries);
    }

    [Fact]
    public void The_gross_leverage_cap_scales_entries_of_one_bar_by_one_factor()
    {
        var a = SyntheticBars.FromPrices(Enumerable.Repeat(100.0, 10).ToArray(), Enumerable.Repeat(100.0, 10).ToArray(), "AAAUSDT");
        var b = SyntheticBars.FromPrices(Enumerable.Repeat(50.0, 10).ToArray(), Enumerable.Repeat(50.0, 10).ToArray(), "BBBUSDT");
        var sizing = new FixedNotionalSizing(60_000); // 120k wanted on 100k equity with a 1× cap: each gets 50k
        var portfolio = new PortfolioKernel(EngineModels.FromCosts(CostFile(), 1.0), 100_000).Run(
        [
            (Strategy(SyntheticBars.At(10, 2), timeStop: 3, sizing: sizing, symbol: "AAAUSDT", id: "a"), a),
            (Strategy(SyntheticBars.At(10, 2), timeStop: 3, sizing: sizing, symbol: "BBBUSDT", id: "b"), b),
        ]);
        Assert.Equal(500, portfolio.Symbols[0].Trades.Single().Quantity, 1e-9);
        Assert.Equal(1_000, portfolio.Symbols[1].Trades.Single().Quantity, 1e-9);
        Assert.Equal(100_000, portfolio.Total.Position[4], 1e-6); // gross notional at the cap
    }

    [Fact]
    public void Capital_is_shared_open_exposure_limits_later_entries()
    {
        var a = SyntheticBars.FromPrices(Enumerable.Repeat(100.0, 12).ToArray(), Enumerable.Repeat(100.0, 12).ToArray(), "AAAUSDT");
        var b = SyntheticBars.FromPrices(Enumerable.Repeat(100.0, 12).ToArray(), Enumerable.Repeat(100.0, 12).ToArray(), "BBBUSDT");
        var portfolio = new PortfolioKernel(EngineModels.FromCosts(CostFile(), 1.0), 100_000).Run(
        [
            (Strategy(SyntheticBars.At(12, 1), timeStop: 6, sizing: new FixedNotionalSizing(70_000), symbol: "AAAUSDT", id: "a"), a),
            (Strategy(SyntheticBars.At(12, 3), timeStop: 2, sizing: new FixedNotionalSizing(70_000), symbol: "BBBUSDT", id: "b"), b),
        ]);
        Assert.Equal(700, portfolio.Symbols[0].Trades.Single().Quantity, 1e-9);
        Assert.Equal(300, portfolio.Symbols[1].Trades.Single().Quantity, 1e-9); // only 30k of headroom left
    }

    [Fact]
    public void Risk_budget_sizing_follows_current_equity()
    {
        // AAA gains 50 % while held; BBB's later entry is sized on the larger equity
        var n = 700;
        var aOpen = Enumerable.Repeat(100.0, n).ToArray(); var aClose = Enumerable.Repeat(100.0, n).ToArray();
        for (var i = 3; i < n; i++) { aOpen[i] = i == 3 ? 100 : 150; aClose[i] = 150; }
        var a = SyntheticBars.FromPrices(aOpen, aClose, "AAAUSDT");
        var b = SyntheticBars.RandomWalk(n, 17, symbol: "BBBUSDT", funding: false);
        for (var i = 0; i < n; i++) a.Ts[i] = b.Ts[i];
        var sizing = new RiskBudgetSizing(0.2, 1);
        var models = EngineModels.FromCosts(CostFile(), double.PositiveInfinity);
        var portfolio = new PortfolioKernel(models, 100_000).Run(
        [
            (Strategy(SyntheticBars.At(n, 2), timeStop: 600, sizing: new FixedUnitsSizing(1_000), symbol: "AAAUSDT", id: "a"), a),
            (Strategy(SyntheticBars.At(n, 400), timeStop: 10, sizing: sizing, symbol: "BBBUSDT", id: "b"), b),
        ]);
        var equityAtSignal = portfolio.Total.Equity[400];
        Assert.Equal(150_000, equityAtSignal, 1e-6); // 1,000 units × +50
        var sigma = new TrailingLiquidity(b).DailyVolatility(400, 1);
        var expected = equityAtSignal * 0.2 / (sigma * Math.Sqrt(365)) / b.Close[400];
        Assert.Equal(expected, portfolio.Symbols[1].Trades.Single().Quantity, 1e-9 * expected);
    }

    [Fact]
    public void Total_ledger_sums_the_symbols_and_keeps_its_identity()
    {
        var legs = new[] { ("BTCUSDT", 21UL), ("ETHUSDT", 22UL), ("SOLUSDT", 23UL) }
            .Select(p =>
            {
                var bars = SyntheticBars.RandomWalk(10_000, p.Item2, symbol: p.Item1);
                return (RandomStrategy(bars, p.Item2 * 7, new RiskBudgetSizing(0.4, 1), p.Item2 % 2 == 0 ? Direction.Short : Direction.Long), bars);
            }).ToList();
        var result = new PortfolioKernel(EngineModels.FromCosts(AllCosts, 1.5), 1_000_000).Run(legs);
        var total = result.Total;
        var previous = total.InitialCapital;
        for (var t = 0; t < total.Count; t++)
        {
            Assert.Equal(result.Symbols.Sum(s => s.Ledger.Fees[t]), total.Fees[t], 1e-9);
            Assert.Equal(result.Symbols.Sum(s => s.Ledger.Funding[t]), total.Funding[t], 1e-9);
            Assert.Equal(result.Symbols.Sum(s => s.Ledger.PricePnl[t]), total.PricePnl[t], 1e-6);
            Assert.True(previous + total.NetChange(t) == total.Equity[t], $"bar {t}");
            Assert.True(total.Position[t] <= 1.5 * total.Equity[t] * 1.05, $"bar {t}: gross {total.Position[t]} far above 1.5 × equity {total.Equity[t]}");
            previous = total.Equity[t];
        }
        Assert.Equal(total.Equity[^1] - total.InitialCapital, result.Symbols.Sum(s => s.Ledger.Equity[^1]), 1e-4);
        Assert.All(result.Symbols, s => Assert.True(s.Trades.Count > 20));
    }

    [Fact]
    public void Frames_off_the_common_grid_are_refused()
    {
        var a = SyntheticBars.RandomWalk(100, 1, symbol: "AAAUSDT");
        var b = SyntheticBars.RandomWalk(100, 2, symbol: "BBBUSDT");
        b.Ts[50] += 1;
        var ex = Assert.Throws<StrategyException>(() => new PortfolioKernel(EngineModels.FromCosts(CostFile(), 1), 1).Run(
        [
            (Strategy(new bool[100], timeStop: 1, symbol: "AAAUSDT", id: "a"), a),
            (Strategy(new bool[100], timeStop: 1, symbol: "BBBUSDT", id: "b"), b),
        ]));
        Assert.Equal("strategy 'b' cannot run: the bars of BBBUSDT are not on the portfolio's timestamp grid (that of AAAUSDT, 100 bars)", ex.Message);
    }
}
