namespace Backtest.Core.Costs;

/// <summary>The annual borrow rate (0.10 = 10 % a year) a spot short pays on its notional, accrued per bar.</summary>
public sealed record BorrowSettings(double AnnualRate);
