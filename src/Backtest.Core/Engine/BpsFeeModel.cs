namespace Backtest.Core.Engine;

/// <summary>The default fee: a percentage of notional, maker or taker (costs.yaml fees.*_bps). The engine's market orders are taker.</summary>
public sealed class BpsFeeModel(double makerBps, double takerBps) : IFeeModel
{
    private readonly double _maker = makerBps * 1e-4;
    private readonly double _taker = takerBps * 1e-4;

    /// <inheritdoc />
    public double Fee(double notional, bool isMaker) => Math.Abs(notional) * (isMaker ? _maker : _taker);
}
