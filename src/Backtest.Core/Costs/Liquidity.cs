namespace Backtest.Core.Costs;

/// <summary>
/// Point-in-time liquidity of a symbol at one bar, measured from bars at or before it: σ_D (daily volatility of
/// returns, a fraction), V_D (mean daily quote volume) and the mean quote volume of one bar (for participation).
/// NaN fields mean "not measurable yet" (too few bars).
/// </summary>
public readonly record struct Liquidity(double DailyVolatility, double DailyQuoteVolume, double MeanBarQuoteVolume)
{
    /// <summary>True when every field is a finite number, so impact and participation can be priced.</summary>
    public bool IsKnown => double.IsFinite(DailyVolatility) && double.IsFinite(DailyQuoteVolume) && double.IsFinite(MeanBarQuoteVolume);
}
