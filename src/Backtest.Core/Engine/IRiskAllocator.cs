namespace Backtest.Core.Engine;

/// <summary>
/// Turns entry wishes into quantities under shared capital: sizing rules (fixed, notional, volatility-targeted risk
/// budget) against current equity, then portfolio limits. Called once per bar with every symbol that wants to enter.
/// </summary>
public interface IRiskAllocator
{
    /// <summary>
    /// Writes the unsigned units to buy or sell for each request into <paramref name="units"/> (0 = do not enter), given
    /// account <paramref name="equity"/> and the gross notional of positions staying open (<paramref name="grossExposure"/>), both at the signal close.
    /// </summary>
    void Allocate(ReadOnlySpan<EntryRequest> requests, double equity, double grossExposure, Span<double> units);
}
