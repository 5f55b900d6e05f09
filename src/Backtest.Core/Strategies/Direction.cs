namespace Backtest.Core.Strategies;

/// <summary>Which way a blueprint trades; the numeric value is the sign of its position (long +1, short −1).</summary>
public enum Direction
{
    /// <summary>Buy on entry, sell on exit.</summary>
    Long = 1,
    /// <summary>Sell on entry, buy back on exit.</summary>
    Short = -1,
}
