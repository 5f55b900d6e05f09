namespace Backtest.Core.Engine;

/// <summary>Perpetual funding at a settlement: the transfer between longs and shorts the data's funding rate implies.</summary>
public interface IFundingModel
{
    /// <summary>Cash received (&gt; 0) or paid (&lt; 0) by <paramref name="position"/> (signed units) at a settlement of <paramref name="rate"/>, notional at <paramref name="markPrice"/>.</summary>
    double Payment(double position, double markPrice, double rate);
}
