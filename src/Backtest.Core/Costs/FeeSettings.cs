namespace Backtest.Core.Costs;

/// <summary>Exchange fees in basis points of traded notional; market orders (the engine's next-open fills) pay taker.</summary>
public sealed record FeeSettings(double MakerBps, double TakerBps);
