namespace Backtest.Core.Strategies;

/// <summary>
/// When a position closes: a time stop after the horizon (bars after the entry signal bar), an exit condition
/// expression (e.g. the opposite SMA cross), and stop-loss / take-profit distances in multiples of the ATR feature
/// named by <see cref="Atr"/>. Any of them firing closes the position; at least one must exist.
/// </summary>
public sealed record ExitPolicy(int? TimeStopBars = null, string? When = null, double? StopLossAtr = null, double? TakeProfitAtr = null, string? Atr = null);
