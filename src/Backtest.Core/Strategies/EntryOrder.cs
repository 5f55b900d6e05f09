namespace Backtest.Core.Strategies;

/// <summary>How an entry executes. One kind today: a market order at the next bar's open (the only honest fill for close-time signals).</summary>
public enum EntryOrder
{
    /// <summary>Signal at bar t's close, market order filled at bar t+1's open.</summary>
    NextOpen,
}
