using Backtest.Core.Costs;

namespace Backtest.Core.Engine;

/// <summary>
/// The model family one run uses (LEAN-style: each a narrow seam with one default), plus the trailing window, in days,
/// over which point-in-time liquidity (σ_D, V_D) is measured for fills.
/// </summary>
public sealed record EngineModels(
    IFillModel Fill,
    IFeeModel Fee,
    IFundingModel Funding,
    IBorrowModel Borrow,
    IRiskAllocator Allocator,
    int LiquidityWindowDays)
{
    /// <summary>The defaults, parameterised by a cost file and the portfolio's gross leverage cap (+∞ for none).</summary>
    public static EngineModels FromCosts(CostSettings costs, double grossLeverageCap)
    {
        costs.EnsureValid();
        return new EngineModels(
            new SquareRootFillModel(costs),
            new BpsFeeModel(costs.Fees.MakerBps, costs.Fees.TakerBps),
            costs.Funding.Treatment == FundingTreatment.Settle ? new SettlementFundingModel() : new NoFundingModel(),
            new AnnualRateBorrowModel(costs.Borrow.AnnualRate),
            new VolatilityTargetAllocator(grossLeverageCap),
            costs.Impact.WindowDays);
    }
}
