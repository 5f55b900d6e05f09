namespace Backtest.Core.Engine;

/// <summary>Why a position closed; when several rules fire at one close the first listed here is reported.</summary>
public enum ExitReason
{
    /// <summary>The close crossed the stop-loss level (ATR multiple from the entry price).</summary>
    StopLoss,
    /// <summary>The close crossed the take-profit level.</summary>
    TakeProfit,
    /// <summary>The blueprint's exit condition was true at the close.</summary>
    Signal,
    /// <summary>The horizon elapsed: close of entry signal bar + time_stop_bars.</summary>
    TimeStop,
    /// <summary>Not closed: the data ended first (the trade is reported open, marked at the last close).</summary>
    Open,
}
