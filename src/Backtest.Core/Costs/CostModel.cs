using Backtest.Core.Strategies;
using Backtest.Core.Time;

using Backtest.Core.Market;

namespace Backtest.Core.Costs;

/// <summary>
/// Expected cost arithmetic in basis points of notional, shared by the Bridge (is the edge larger than what trading
/// it costs?) and the engine's defaults, so both price a trade from one cost file in one way.
/// A round trip is two taker fills at the next open: 2 × fee + 2 × half spread + 2 × impact at that size,
/// plus carry over the holding (funding on perps, borrow on spot shorts).
/// </summary>
public sealed class CostModel(CostSettings settings)
{
    /// <summary>The settings this model prices with.</summary>
    public CostSettings Settings { get; } = settings;

    /// <summary>One-way impact in bps for <paramref name="notional"/> on <paramref name="symbol"/> (0 when the impact model is none).</summary>
    public double ImpactBps(string symbol, double notional, in Liquidity liquidity) =>
        Settings.Impact.Model == ImpactModelKind.None
            ? 0
            : SquareRootImpact.Bps(Settings.Impact.YFor(symbol), liquidity.DailyVolatility, notional, liquidity.DailyQuoteVolume);

    /// <summary>The size-independent part of a round trip in bps: 2 × taker fee + 2 × half spread.</summary>
    public double FixedRoundTripBps => 2 * Settings.Fees.TakerBps + 2 * Settings.HalfSpreadBps;

    /// <summary>Expected round-trip trading cost in bps at <paramref name="notional"/>: 2 × fee + 2 × half spread + 2 × impact.</summary>
    public double RoundTripBps(string symbol, double notional, in Liquidity liquidity) =>
        FixedRoundTripBps + 2 * ImpactBps(symbol, notional, liquidity);

    /// <summary>
    /// Expected funding cost in bps of notional over <paramref name="horizonBars"/> bars for a position in
    /// <paramref name="direction"/>, given the mean rate per settlement and settlements per bar
    /// (5m bars with 8h funding: 1/96). Positive = the position pays; negative = it receives (shorts when rates are positive).
    /// Zero when the cost file ignores funding.
    /// </summary>
    public double ExpectedFundingBps(Direction direction, double meanRatePerSettlement, double settlementsPerBar, int horizonBars) =>
        Settings.Funding.Treatment == FundingTreatment.Ignore
            ? 0
            : (int)direction * meanRatePerSettlement * settlementsPerBar * horizonBars * 1e4;

    /// <summary>Expected borrow cost in bps for a spot short held <paramref name="horizonBars"/> bars of <paramref name="timeframe"/>.</summary>
    public double ExpectedBorrowBps(Timeframe timeframe, int horizonBars) =>
        Settings.Borrow.AnnualRate * horizonBars / timeframe.BarsPerYear * 1e4;

    /// <summary>Round trip plus carry: <see cref="RoundTripBps(string,double,in Liquidity)"/> + <paramref name="carryBps"/> (funding or borrow, signed).</summary>
    public double RoundTripBps(string symbol, double notional, in Liquidity liquidity, double carryBps) =>
        RoundTripBps(symbol, notional, liquidity) + carryBps;

    /// <summary>
    /// Capacity: the notional Q at which expected costs eat a gross edge of <paramref name="grossEdgeBps"/>, i.e. the
    /// root of F + c + 2·10⁴·Y·σ_D·√(Q/V_D) = E, with F = <see cref="FixedRoundTripBps"/> and c = carry. The left side
    /// increases monotonically in Q and only its square-root term depends on Q, so the root is closed-form:
    /// Q = V_D · ((E − F − c) / (2·10⁴·Y·σ_D))². Returns 0 when fixed costs and carry already reach the edge
    /// (no size is profitable) and +∞ when costs do not grow with size (no impact model, Y = 0 or σ_D = 0).
    /// NaN when liquidity is unknown.
    /// </summary>
    public double CapacityNotional(string symbol, double grossEdgeBps, in Liquidity liquidity, double carryBps = 0)
    {
        var headroom = grossEdgeBps - FixedRoundTripBps - carryBps;
        if (!(headroom > 0)) return double.IsNaN(headroom) ? double.NaN : 0;
        if (Settings.Impact.Model == ImpactModelKind.None) return double.PositiveInfinity;
        var y = Settings.Impact.YFor(symbol);
        if (!double.IsFinite(liquidity.DailyVolatility) || !(liquidity.DailyQuoteVolume > 0)) return double.NaN;
        var slope = 2e4 * y * liquidity.DailyVolatility; // bps of round-trip impact per √(Q/V)
        if (slope == 0) return double.PositiveInfinity;
        var ratio = headroom / slope;
        return liquidity.DailyQuoteVolume * ratio * ratio;
    }

    /// <summary>
    /// The largest single order the participation cap allows at this liquidity (cap × mean bar quote volume), or +∞
    /// without a cap: a second, independent ceiling on capacity for strategies that must fill in one bar.
    /// </summary>
    public double ParticipationLimitNotional(in Liquidity liquidity) =>
        Settings.ParticipationCap is { } cap ? cap * liquidity.MeanBarQuoteVolume : double.PositiveInfinity;
}
