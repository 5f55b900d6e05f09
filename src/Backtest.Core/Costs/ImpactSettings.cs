namespace Backtest.Core.Costs;

/// <summary>
/// Square-root impact parameters: the coefficient Y (a default and per-symbol overrides) and the trailing window,
/// in days, over which σ_D (daily volatility) and V_D (daily quote volume) are measured point-in-time.
/// </summary>
public sealed record ImpactSettings(ImpactModelKind Model, double Y, IReadOnlyDictionary<string, double> YBySymbol, int WindowDays)
{
    /// <summary>The Y that applies to <paramref name="symbol"/>: its override when the cost file names it, else the default.</summary>
    public double YFor(string symbol) => YBySymbol.TryGetValue(symbol, out var y) ? y : Y;
}
