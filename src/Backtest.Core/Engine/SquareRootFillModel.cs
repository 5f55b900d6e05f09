using Backtest.Core.Costs;

namespace Backtest.Core.Engine;

/// <summary>
/// The default fill: the bar open plus half spread plus square-root impact, P = open · (1 ± (h + Y·σ_D·√(Q/V_D))),
/// with the participation cap limiting entries to cap × the mean bar quote volume. All parameters from costs.yaml.
/// </summary>
public sealed class SquareRootFillModel(CostSettings costs) : IFillModel
{
    private readonly double _halfSpread = costs.HalfSpreadBps * 1e-4;
    private readonly bool _impact = costs.Impact.Model == ImpactModelKind.SquareRoot;
    private readonly ImpactSettings _settings = costs.Impact;
    private readonly double? _cap = costs.ParticipationCap;

    /// <inheritdoc />
    public bool NeedsLiquidity => _impact || _cap is not null;

    /// <inheritdoc />
    public FillQuote Quote(string symbol, double quantity, double referencePrice, in Liquidity liquidity)
    {
        var notional = Math.Abs(quantity) * referencePrice;
        var impact = _impact ? SquareRootImpact.Fraction(_settings.YFor(symbol), liquidity.DailyVolatility, notional, liquidity.DailyQuoteVolume) : 0;
        var side = Math.Sign(quantity);
        return new FillQuote(referencePrice * (1 + side * (_halfSpread + impact)), notional * _halfSpread, notional * impact);
    }

    /// <inheritdoc />
    public double MaxEntryNotional(in Liquidity liquidity) =>
        _cap is { } cap ? cap * liquidity.MeanBarQuoteVolume : double.PositiveInfinity;
}
