namespace Backtest.Core.Costs;

/// <summary>Which market-impact law the fill model charges: none (frictionless size) or the square-root law.</summary>
public enum ImpactModelKind
{
    /// <summary>No size-dependent cost: fills pay fees and half spread only.</summary>
    None,
    /// <summary>ΔP/P = Y · σ_D · √(Q / V_D) with point-in-time σ_D and V_D (STATISTICS.md §6).</summary>
    SquareRoot,
}
