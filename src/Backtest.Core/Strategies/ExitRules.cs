namespace Backtest.Core.Strategies;

/// <summary>The numeric exit rules the kernel applies itself (the exit condition arrives as a precomputed signal).</summary>
/// <param name="TimeStopBars">Exit issued at the close of entry signal bar + this many bars, or null.</param>
/// <param name="StopLossAtr">Stop distance below (long) / above (short) the entry price, in ATR at the signal bar, or null.</param>
/// <param name="TakeProfitAtr">Take-profit distance, in ATR at the signal bar, or null.</param>
public sealed record ExitRules(int? TimeStopBars = null, double? StopLossAtr = null, double? TakeProfitAtr = null)
{
    /// <summary>True when a stop-loss or take-profit needs the ATR column.</summary>
    public bool UsesAtr => StopLossAtr is not null || TakeProfitAtr is not null;
}
