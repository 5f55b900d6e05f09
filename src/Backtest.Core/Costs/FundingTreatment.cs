namespace Backtest.Core.Costs;

/// <summary>Whether perpetual funding is charged: settled at the data's funding timestamps, or ignored (a sensitivity run).</summary>
public enum FundingTreatment
{
    /// <summary>Pay or receive funding at every settlement bar of the data (longs pay positive rates).</summary>
    Settle,
    /// <summary>Charge no funding (to measure how much of a result funding explains).</summary>
    Ignore,
}
