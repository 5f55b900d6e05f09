namespace Backtest.Core.Engine;

/// <summary>The default borrow: annual rate × short notional (at the bar close) × the bar's fraction of a 365-day year.</summary>
public sealed class AnnualRateBorrowModel(double annualRate) : IBorrowModel
{
    /// <inheritdoc />
    public double Charge(double position, double markPrice, double years) =>
        position < 0 ? annualRate * -position * markPrice * years : 0;
}
