namespace Backtest.Core.Engine;

/// <summary>
/// What a strategy did on one symbol's bars: the per-bar ledger and equity, every fill, the closed trades in order,
/// the trade still open at the end (if any; it is not counted among the closed ones), and how many entry signals
/// could not be sized (unknown ATR or liquidity, zero allocation).
/// </summary>
public sealed record ResearchResult(
    string StrategyId,
    string Symbol,
    BarLedger Ledger,
    IReadOnlyList<Fill> Fills,
    IReadOnlyList<Trade> Trades,
    Trade? OpenTrade,
    int SkippedEntries);
