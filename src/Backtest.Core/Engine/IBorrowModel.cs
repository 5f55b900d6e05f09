namespace Backtest.Core.Engine;

/// <summary>The cost of borrowing the asset a spot short has sold, accrued per bar.</summary>
public interface IBorrowModel
{
    /// <summary>Charge (≥ 0) for holding <paramref name="position"/> (signed units) at <paramref name="markPrice"/> for <paramref name="years"/>; zero for longs.</summary>
    double Charge(double position, double markPrice, double years);
}
