using Backtest.Core.Strategies;

using Backtest.Core.Market;

namespace Backtest.Core.Engine;

/// <summary>
/// One round trip of the result's symbol, entry to exit, with its P&amp;L by component (quote currency); an unmanaged
/// struct, so many trades cost no objects. Prices: reference = the bar open, price = executed (with half spread and impact). Times are fill times (bar opens). PricePnl = quantity × (exit
/// reference − entry reference). An open trade (<see cref="IsOpen"/>) has no exit fill: its exit fields describe the
/// mark (ExitSignalBar −1, ExitBar the last bar, ExitTs its close, ExitReferencePrice its close, ExitPrice NaN).
/// </summary>
public readonly record struct Trade(
    Direction Direction,
    int EntrySignalBar,
    int EntryBar,
    long EntryTs,
    double EntryReferencePrice,
    double EntryPrice,
    int ExitSignalBar,
    int ExitBar,
    long ExitTs,
    double ExitReferencePrice,
    double ExitPrice,
    double Quantity,
    double PricePnl,
    double Fees,
    double Spread,
    double Impact,
    double Funding,
    double Borrow,
    ExitReason ExitReason)
{
    /// <summary>True when the data ended before the trade closed.</summary>
    public bool IsOpen => ExitReason == ExitReason.Open;

    /// <summary>Net P&amp;L: price P&amp;L − fees − spread − impact + funding − borrow.</summary>
    public double NetPnl => PricePnl - Fees - Spread - Impact + Funding - Borrow;
}
