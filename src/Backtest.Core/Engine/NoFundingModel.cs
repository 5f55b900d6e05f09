namespace Backtest.Core.Engine;

/// <summary>Charges no funding: costs.yaml funding.treatment = ignore, for runs that measure how much funding explains.</summary>
public sealed class NoFundingModel : IFundingModel
{
    /// <inheritdoc />
    public double Payment(double position, double markPrice, double rate) => 0;
}
