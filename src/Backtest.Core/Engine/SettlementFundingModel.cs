namespace Backtest.Core.Engine;

/// <summary>
/// The default funding: payment = −sign(position) × rate × |position| × mark (positive rate: longs pay shorts),
/// settled on the data's settlement bars (BarFrame.FundingIntervalHours &gt; 0), mark = the bar close.
/// 1 BTC long at $60,000 with rate +0.0001 pays $6.00 (STATISTICS.md §6).
/// </summary>
public sealed class SettlementFundingModel : IFundingModel
{
    /// <inheritdoc />
    public double Payment(double position, double markPrice, double rate) => -rate * position * markPrice;
}
