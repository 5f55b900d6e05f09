using Backtest.Core.Costs;
using Backtest.Core.Strategies;
using Backtest.Core.Time;

using Backtest.Core.Market;

namespace Backtest.Core.Tests.Costs;

public sealed class CostModelTests
{
    public static TheoryData<VectorRow> ImpactVectors => CsvVectors.Theory("costs/square_root_impact.csv");
    public static TheoryData<VectorRow> RoundTripVectors => CsvVectors.Theory("costs/round_trip.csv");

    internal static CostSettings Settings(double takerBps = 4, double halfSpreadBps = 0.5, ImpactModelKind model = ImpactModelKind.SquareRoot,
        double y = 0.5, double? cap = null, FundingTreatment funding = FundingTreatment.Settle, double borrow = 0.10,
        IReadOnlyDictionary<string, double>? ySymbols = null) =>
        new(new FeeSettings(2, takerBps), halfSpreadBps, new ImpactSettings(model, y, ySymbols ?? new Dictionary<string, double>(), 30),
            cap, new FundingSettings(funding), new BorrowSettings(borrow));

    [Theory]
    [MemberData(nameof(ImpactVectors))]
    public void Square_root_impact_matches_the_published_vectors(VectorRow v)
    {
        var bps = SquareRootImpact.Bps(v.D("y"), v.D("daily_volatility"), v.D("notional"), v.D("daily_quote_volume"));
        Assert.Equal(v.D("expected_bps"), bps, 1e-9);
    }

    [Theory]
    [MemberData(nameof(RoundTripVectors))]
    public void Round_trip_cost_matches_hand_computed_values(VectorRow v)
    {
        var model = new CostModel(Settings(v.D("taker_bps"), v.D("half_spread_bps"),
            v.S("model") == "none" ? ImpactModelKind.None : ImpactModelKind.SquareRoot, v.D("y")));
        var liquidity = new Liquidity(v.D("daily_volatility"), v.D("daily_quote_volume"), double.NaN);
        Assert.Equal(v.D("expected_round_trip_bps"), model.RoundTripBps("XUSDT", v.D("notional"), liquidity), 1e-9);
    }

    [Fact]
    public void Impact_against_zero_volume_is_not_a_number_so_nobody_trades_on_it()
    {
        Assert.True(double.IsNaN(SquareRootImpact.Fraction(1, 0.03, 1e6, 0)));
        Assert.Equal(0, SquareRootImpact.Fraction(1, 0.03, 0, 0));
    }

    [Fact]
    public void Per_symbol_y_overrides_the_default()
    {
        var model = new CostModel(Settings(y: 1, ySymbols: new Dictionary<string, double> { ["BTCUSDT"] = 0.5 }));
        var liquidity = new Liquidity(0.03, 1e10, double.NaN);
        Assert.Equal(1.5, model.ImpactBps("BTCUSDT", 1e6, liquidity), 1e-12);
        Assert.Equal(3.0, model.ImpactBps("ETHUSDT", 1e6, liquidity), 1e-12);
    }

    [Fact]
    public void Expected_funding_is_paid_by_longs_and_received_by_shorts_when_rates_are_positive()
    {
        var model = new CostModel(Settings());
        // 5m bars, 8h funding: 1/96 settlements per bar; 288 bars = one day = 3 settlements of 1 bp.
        Assert.Equal(3.0, model.ExpectedFundingBps(Direction.Long, 0.0001, 1.0 / 96, 288), 1e-12);
        Assert.Equal(-3.0, model.ExpectedFundingBps(Direction.Short, 0.0001, 1.0 / 96, 288), 1e-12);
        Assert.Equal(0, new CostModel(Settings(funding: FundingTreatment.Ignore)).ExpectedFundingBps(Direction.Long, 0.0001, 1.0 / 96, 288));
    }

    [Fact]
    public void Expected_borrow_accrues_the_annual_rate_pro_rata()
    {
        var model = new CostModel(Settings(borrow: 0.10));
        Assert.Equal(1000, model.ExpectedBorrowBps(Timeframe.Parse("5m"), 105_120), 1e-9);
        Assert.Equal(1000.0 / 365, model.ExpectedBorrowBps(Timeframe.Parse("5m"), 288), 1e-9);
    }

    [Fact]
    public void Capacity_is_the_notional_where_costs_equal_the_edge()
    {
        // F = 2*4 + 2*0.5 = 9 bps; slope = 2e4 * 0.5 * 0.03 = 300 bps per sqrt(Q/V); edge 20 → Q = 1e10 * (11/300)^2.
        var model = new CostModel(Settings());
        var liquidity = new Liquidity(0.03, 1e10, double.NaN);
        var q = model.CapacityNotional("XUSDT", 20, liquidity);
        Assert.Equal(1e10 * (11.0 / 300) * (11.0 / 300), q, 1e-3);
        Assert.Equal(20, model.RoundTripBps("XUSDT", q, liquidity), 1e-9);
        // carry counts against the edge: 3 bps of funding leaves 8 bps of headroom
        var withCarry = model.CapacityNotional("XUSDT", 20, liquidity, carryBps: 3);
        Assert.Equal(20, model.RoundTripBps("XUSDT", withCarry, liquidity, 3), 1e-9);
        Assert.Equal(1e10 * (8.0 / 300) * (8.0 / 300), withCarry, 1e-3);
    }

    [Fact]
    public void Capacity_is_zero_when_fixed_costs_eat_the_edge_and_unbounded_without_impact()
    {
        var liquidity = new Liquidity(0.03, 1e10, double.NaN);
        Assert.Equal(0, new CostModel(Settings()).CapacityNotional("XUSDT", 9, liquidity));
        Assert.Equal(0, new CostModel(Settings()).CapacityNotional("XUSDT", 5, liquidity));
        Assert.Equal(double.PositiveInfinity, new CostModel(Settings(model: ImpactModelKind.None)).CapacityNotional("XUSDT", 20, liquidity));
        Assert.True(double.IsNaN(new CostModel(Settings()).CapacityNotional("XUSDT", 20, new Liquidity(double.NaN, 1e10, 1))));
    }

    [Fact]
    public void Participation_limit_is_the_cap_times_the_mean_bar_volume()
    {
        var liquidity = new Liquidity(0.03, 288e6, 1e6);
        Assert.Equal(50_000, new CostModel(Settings(cap: 0.05)).ParticipationLimitNotional(liquidity), 1e-9);
        Assert.Equal(double.PositiveInfinity, new CostModel(Settings()).ParticipationLimitNotional(liquidity));
    }
}
