using System.Text.Json.Serialization;

namespace Backtest.Core.Strategies;

/// <summary>How big a position is; the direction gives its sign. Decided at the signal bar's close from data up to it.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(FixedUnitsSizing), "fixed_units")]
[JsonDerivedType(typeof(FixedNotionalSizing), "fixed_notional")]
[JsonDerivedType(typeof(RiskBudgetSizing), "risk_budget")]
public abstract record Sizing;

/// <summary>A fixed quantity of the base asset (1 = one BTC), as in the textbook backtests it is compared with.</summary>
public sealed record FixedUnitsSizing(double Units) : Sizing;

/// <summary>A fixed quote-currency notional, converted to units at the signal bar's close.</summary>
public sealed record FixedNotionalSizing(double Notional) : Sizing;

/// <summary>
/// Volatility targeting: notional = equity × <see cref="AnnualVolatilityTarget"/> / (σ_D · √365), with σ_D the
/// point-in-time daily volatility over the trailing <see cref="VolatilityWindowDays"/> days; the gross leverage cap
/// of the risk allocator then applies.
/// </summary>
public sealed record RiskBudgetSizing(double AnnualVolatilityTarget, int VolatilityWindowDays = 30) : Sizing;
