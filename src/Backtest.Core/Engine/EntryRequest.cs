using Backtest.Core.Strategies;

namespace Backtest.Core.Engine;

/// <summary>
/// One symbol's wish to enter at the next open, as the allocator sees it: the sizing rule, the signal bar's close,
/// the point-in-time daily volatility over the sizing's window (NaN if unknown), and the fill model's largest notional.
/// </summary>
public readonly record struct EntryRequest(Sizing Sizing, double Price, double DailyVolatility, double MaxNotional);
