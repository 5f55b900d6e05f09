using Backtest.Core.Costs;
using Backtest.Core.Market;
using Backtest.Core.Strategies;
using static Backtest.Core.Tests.Engine.KernelFixtures;

namespace Backtest.Core.Tests.Engine;

/// <summary>When funding is paid: on the position held through a settlement bar, at its close (STATISTICS.md §6).</summary>
public sealed class FundingSettlementTests
{
    private const int N = 12;
    private const int Settlement = 6;

    private static Backtest.Core.Bars.BarFrame Bars()
    {
        var bars = SyntheticBars.FromPrices(Enumerable.Repeat(60_000.0, N).ToArray(), Enumerable.Repeat(60_000.0, N).ToArray());
        bars.FundingIntervalHours[Settlement] = 8;
        bars.FundingRate[Settlement] = 0.0001;
        return bars;
    }

    private static double Funding(bool[] entry, bool[]? exit = null, int? timeStop = null, Direction direction = Direction.Long,
        MarketKind market = MarketKind.Perp, FundingTreatment treatment = FundingTreatment.Settle)
    {
        var r = Kernel(CostFile(funding: treatment)).Run(Strategy(entry, exit, timeStop, direction: direction, market: market), Bars());
        var total = r.Ledger.Funding.Sum();
        var fromTrades = r.Trades.Sum(t => t.Funding) + (r.OpenTrade?.Funding ?? 0);
        Assert.Equal(total, fromTrades, 1e-12);
        return total;
    }

    [Fact]
    public void One_btc_long_at_60000_pays_6_dollars_at_a_settlement_it_is_held_through() =>
        Assert.Equal(-6.00, Funding(SyntheticBars.At(N, 2), timeStop: 8), 1e-9);

    [Fact]
    public void Entered_at_the_settlement_bars_open_it_pays() =>
        Assert.Equal(-6.00, Funding(SyntheticBars.At(N, Settlement - 1), timeStop: 3), 1e-9);

    [Fact]
    public void Entered_after_the_settlement_it_does_not_pay() =>
        Assert.Equal(0, Funding(SyntheticBars.At(N, Settlement), timeStop: 3));

    [Fact]
    public void Exit_signalled_at_the_settlement_bars_close_pays() =>
        Assert.Equal(-6.00, Funding(SyntheticBars.At(N, 2), exit: SyntheticBars.At(N, Settlement)), 1e-9);

    [Fact]
    public void Exit_filled_at_the_settlement_bars_open_does_not_pay() =>
        Assert.Equal(0, Funding(SyntheticBars.At(N, 2), exit: SyntheticBars.At(N, Settlement - 1)));

    [Fact]
    public void Shorts_receive_positive_funding() =>
        Assert.Equal(6.00, Funding(SyntheticBars.At(N, 2), timeStop: 8, direction: Direction.Short), 1e-9);

    [Fact]
    public void Spot_and_ignored_funding_pay_nothing()
    {
        Assert.Equal(0, Funding(SyntheticBars.At(N, 2), timeStop: 8, market: MarketKind.Spot));
        Assert.Equal(0, Funding(SyntheticBars.At(N, 2), timeStop: 8, treatment: FundingTreatment.Ignore));
    }

    [Fact]
    public void A_zero_rate_settlement_is_a_settlement_that_pays_nothing()
    {
        var bars = Bars();
        bars.FundingRate[Settlement] = 0;
        var r = Kernel(CostFile()).Run(Strategy(SyntheticBars.At(N, 2), timeStop: 8), bars);
        Assert.All(r.Ledger.Funding, f => Assert.Equal(0, f));
    }
}
