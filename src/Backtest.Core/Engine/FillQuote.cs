namespace Backtest.Core.Engine;

/// <summary>
/// How a market order executes: the price paid or received, and the two frictions inside it kept apart for the
/// ledger (both ≥ 0, in quote currency): half spread and market impact, each measured against the reference price.
/// </summary>
public readonly record struct FillQuote(double Price, double SpreadCost, double ImpactCost);
