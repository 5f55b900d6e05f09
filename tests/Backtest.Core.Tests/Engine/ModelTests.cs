using Backtest.Core.Costs;
using Backtest.Core.Engine;
using Backtest.Core.Strategies;
using Backtest.Core.Tests.Costs;
using Backtest.Core.Time;

namespace Backtest.Core.Tests.Engine;

public sealed class ModelTests
{
    public static TheoryData<VectorRow> FundingVectors => CsvVectors.Theory("engine/funding.csv");
    public static TheoryData<VectorRow> FeeVectors => CsvVectors.Theory("engine/fees.csv");
    public static TheoryData<VectorRow> BorrowVectors => CsvVectors.Theory("engine/borrow.csv");
    public static TheoryData<VectorRow> ImpactVectors => CsvVectors.Theory("costs/square_root_impact.csv");

    [Theory]
    [MemberData(nameof(FundingVectors))]
    public void Funding_payment_matches_the_vectors(VectorRow v) =>
        Assert.Equal(v.D("expected_payment"), new SettlementFundingModel().Payment(v.D("position"), v.D("mark"), v.D("rate")), 1e-9);

    [Fact]
    public void Ignored_funding_pays_nothing() => Assert.Equal(0, new NoFundingModel().Payment(1, 60_000, 0.0001));

    [Theory]
    [MemberData(nameof(FeeVectors))]
    public void Fee_matches_the_vectors(VectorRow v) =>
        Assert.Equal(v.D("expected_fee"), new BpsFeeModel(v.D("maker_bps"), v.D("taker_bps")).Fee(v.D("notional"), v.S("is_maker") == "true"), 1e-9);

    [Theory]
    [MemberData(nameof(BorrowVectors))]
    public void Borrow_charge_matches_the_vectors(VectorRow v)
    {
        var years = Timeframe.Parse(v.S("timeframe")).Minutes / (365.0 * 24 * 60);
        Assert.Equal(v.D("expected_charge"), new AnnualRateBorrowModel(v.D("annual_rate")).Charge(v.D("position"), v.D("mark"), years), 1e-12);
    }

    [Theory]
    [MemberData(nameof(ImpactVectors))]
    public void Fill_model_charges_square_root_impact_and_half_spread_against_the_open(VectorRow v)
    {
        var costs = CostModelTests.Settings(halfSpreadBps: 1, y: v.D("y"));
        var model = new SquareRootFillModel(costs);
        var liquidity = new Liquidity(v.D("daily_volatility"), v.D("daily_quote_volume"), double.NaN);
        const double open = 50_000;
        var units = v.D("notional") / open;
        var buy = model.Quote("XUSDT", units, open, liquidity);
        var sell = model.Quote("XUSDT", -units, open, liquidity);
        var impact = v.D("expected_bps") * 1e-4;
        Assert.Equal(v.D("notional") * impact, buy.ImpactCost, 1e-6);
        Assert.Equal(v.D("notional") * 1e-4, buy.SpreadCost, 1e-6);
        if (units != 0)
        {
            Assert.Equal(open * (1 + 1e-4 + impact), buy.Price, 1e-6);
            Assert.Equal(open * (1 - 1e-4 - impact), sell.Price, 1e-6);
        }
        Assert.Equal(buy.ImpactCost, sell.ImpactCost);
        // the price moves by exactly the per-unit costs: nothing is hidden in the price that the ledger does not show
        Assert.Equal(buy.SpreadCost + buy.ImpactCost, units * (buy.Price - open), 1e-6);
    }

    [Fact]
    public void Fill_model_without_impact_or_cap_needs_no_liquidity()
    {
        var model = new SquareRootFillModel(CostModelTests.Settings(halfSpreadBps: 0, model: ImpactModelKind.None));
        Assert.False(model.NeedsLiquidity);
        var q = model.Quote("X", 2, 100, new Liquidity(double.NaN, double.NaN, double.NaN));
        Assert.Equal(new FillQuote(100, 0, 0), q);
        Assert.Equal(double.PositiveInfinity, model.MaxEntryNotional(default));
        var capped = new SquareRootFillModel(CostModelTests.Settings(model: ImpactModelKind.None, cap: 0.05));
        Assert.True(capped.NeedsLiquidity);
        Assert.Equal(50_000, capped.MaxEntryNotional(new Liquidity(0.02, 288e6, 1e6)), 1e-9);
    }

    [Fact]
    public void Allocator_sizes_fixed_units_fixed_notional_and_risk_budget()
    {
        var allocator = new VolatilityTargetAllocator(double.PositiveInfinity);
        EntryRequest[] requests =
        [
            new(new FixedUnitsSizing(1.5), 100, double.NaN, double.PositiveInfinity),
            new(new FixedNotionalSizing(10_000), 250, double.NaN, double.PositiveInfinity),
            new(new RiskBudgetSizing(0.10), 200, 0.02, double.PositiveInfinity),
            new(new RiskBudgetSizing(0.10), 200, double.NaN, double.PositiveInfinity),
            new(new FixedNotionalSizing(10_000), 100, double.NaN, 2_500),
        ];
        var units = new double[requests.Length];
        allocator.Allocate(requests, 100_000, 0, units);
        Assert.Equal(1.5, units[0]);
        Assert.Equal(40, units[1], 1e-12);
        // 100,000 × 0.10 / (0.02 × √365) = 26,171.196 notional at 200
        Assert.Equal(100_000 * 0.10 / (0.02 * Math.Sqrt(365)) / 200, units[2], 1e-9);
        Assert.Equal(130.85598, units[2], 1e-4);
        Assert.Equal(0, units[3]); // unknown volatility: no size
        Assert.Equal(25, units[4], 1e-12); // clipped to the participation limit
    }

    [Fact]
    public void Leverage_cap_scales_all_of_a_bars_entries_by_one_factor()
    {
        var allocator = new VolatilityTargetAllocator(1.0);
        EntryRequest[] requests =
        [
            new(new FixedNotionalSizing(40_000), 100, double.NaN, double.PositiveInfinity),
            new(new FixedNotionalSizing(40_000), 50, double.NaN, double.PositiveInfinity),
        ];
        var units = new double[2];
        allocator.Allocate(requests, 100_000, 50_000, units); // headroom 50k for 80k wanted: × 0.625
        Assert.Equal(250, units[0], 1e-9);
        Assert.Equal(500, units[1], 1e-9);
        allocator.Allocate(requests, 100_000, 120_000, units); // already over the cap: nothing
        Assert.Equal([0.0, 0.0], units);
        allocator.Allocate(requests, -1, 0, units); // ruined: nothing
        Assert.Equal([0.0, 0.0], units);
        Assert.Throws<ArgumentOutOfRangeException>(() => new VolatilityTargetAllocator(0));
    }

    [Fact]
    public void Trailing_liquidity_matches_a_direct_computation_over_bars_up_to_the_asked_one()
    {
        var bars = SyntheticBars.RandomWalk(3_000, 7);
        var liquidity = new TrailingLiquidity(bars);
        foreach (var (bar, days) in new[] { (2_999, 1), (2_999, 5), (1_000, 2), (287, 1), (288, 1), (600, 30), (100, 1), (1, 1) })
        {
            var w = (int)Math.Ceiling(days * 288.0);
            var first = Math.Max(0, bar - w + 1);
            var returns = new List<double>();
            for (var i = Math.Max(1, first); i <= bar; i++) returns.Add(bars.Close[i] / bars.Close[i - 1] - 1);
            var quotes = bars.QuoteVolume[first..(bar + 1)];
            var mean = returns.Count > 0 ? returns.Average() : double.NaN;
            var sd = returns.Count > 1 ? Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1)) : double.NaN;
            var expected = returns.Count >= 288 ? sd * Math.Sqrt(288) : double.NaN;
            var actual = liquidity.At(bar, days);
            if (double.IsNaN(expected)) Assert.True(double.IsNaN(actual.DailyVolatility), $"bar {bar}: {returns.Count} returns is less than a day");
            else Assert.Equal(expected, actual.DailyVolatility, 1e-12);
            Assert.Equal(quotes.Average(), actual.MeanBarQuoteVolume, 1e-6);
            Assert.Equal(quotes.Average() * 288, actual.DailyQuoteVolume, 1e-3);
        }
    }

    [Fact]
    public void Trailing_liquidity_ignores_bars_after_the_asked_one()
    {
        var bars = SyntheticBars.RandomWalk(2_000, 11);
        var full = new TrailingLiquidity(bars);
        var truncated = new TrailingLiquidity(bars.Slice(0, 1_200));
        foreach (var bar in new[] { 300, 700, 1_199 })
            Assert.Equal(truncated.At(bar, 2), full.At(bar, 2));
    }
}
