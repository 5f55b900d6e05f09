namespace Backtest.Core.Costs;

/// <summary>
/// The square-root law of market impact, ΔP/P = Y · σ_D · √(Q / V_D): cost grows with the square root of the
/// order's share of daily volume (Almgren et al., Tóth et al.). STATISTICS.md §6 holds the vectors.
/// </summary>
public static class SquareRootImpact
{
    /// <summary>
    /// Impact as a fraction of price for an order of <paramref name="notional"/> (quote currency). Zero size costs
    /// nothing; a positive size against zero or unknown volume is NaN (the caller must not trade on it).
    /// </summary>
    public static double Fraction(double y, double dailyVolatility, double notional, double dailyQuoteVolume)
    {
        if (notional == 0) return 0;
        if (!(dailyQuoteVolume > 0)) return double.NaN;
        return y * dailyVolatility * Math.Sqrt(Math.Abs(notional) / dailyQuoteVolume);
    }

    /// <summary><see cref="Fraction"/> in basis points.</summary>
    public static double Bps(double y, double dailyVolatility, double notional, double dailyQuoteVolume) =>
        Fraction(y, dailyVolatility, notional, dailyQuoteVolume) * 1e4;
}
