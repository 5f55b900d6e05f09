namespace Backtest.Core.Engine;

/// <summary>
/// A portfolio run: each symbol's result (its ledger's equity is that symbol's cumulative net P&amp;L, from 0) and the
/// total ledger (components summed over symbols, equity from the initial capital, Position = gross notional at close).
/// </summary>
public sealed record PortfolioResult(IReadOnlyList<ResearchResult> Symbols, BarLedger Total);
