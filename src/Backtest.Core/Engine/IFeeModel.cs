namespace Backtest.Core.Engine;

/// <summary>Exchange fees on a fill: the only friction the venue bills explicitly.</summary>
public interface IFeeModel
{
    /// <summary>Fee (≥ 0, quote currency) on a fill of <paramref name="notional"/> at its execution price; maker or taker.</summary>
    double Fee(double notional, bool isMaker);
}
