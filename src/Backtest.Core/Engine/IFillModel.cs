using Backtest.Core.Costs;

namespace Backtest.Core.Engine;

/// <summary>
/// Prices market orders at the next bar's open: what a signal at bar t's close actually pays at bar t+1.
/// Liquidity is point-in-time, measured from bars up to the signal bar.
/// </summary>
public interface IFillModel
{
    /// <summary>True when <see cref="Quote"/> or <see cref="MaxEntryNotional"/> read the liquidity (the kernel then measures it).</summary>
    bool NeedsLiquidity { get; }

    /// <summary>Execution of a signed <paramref name="quantity"/> (buy &gt; 0) of <paramref name="symbol"/> against <paramref name="referencePrice"/> (the open).</summary>
    FillQuote Quote(string symbol, double quantity, double referencePrice, in Liquidity liquidity);

    /// <summary>The largest notional one entry may take (the participation cap), +∞ when uncapped.</summary>
    double MaxEntryNotional(in Liquidity liquidity);
}
