using Backtest.Core.Strategies;

namespace Backtest.Core.Engine;

/// <summary>
/// The default allocator. Per request: fixed units; fixed notional / price; or risk budget, notional =
/// equity × target / (σ_D·√365). Each is clipped to the fill model's largest notional. Then the gross leverage cap:
/// if open gross exposure plus the new entries would exceed cap × equity, every entry of that bar is scaled down by
/// the same factor (deterministic, no ordering privilege). A cap of +∞ disables the limit. No entries once equity ≤ 0.
/// </summary>
public sealed class VolatilityTargetAllocator : IRiskAllocator
{
    private readonly double _cap;

    /// <summary>A gross leverage cap of e.g. 2 allows gross notional up to twice equity.</summary>
    public VolatilityTargetAllocator(double grossLeverageCap)
    {
        if (!(grossLeverageCap > 0)) throw new ArgumentOutOfRangeException(nameof(grossLeverageCap), grossLeverageCap, "the gross leverage cap must be > 0 (+∞ for none)");
        _cap = grossLeverageCap;
    }

    /// <summary>Days in the 24/7 crypto year, for annualising daily volatility.</summary>
    private static readonly double SqrtDaysPerYear = Math.Sqrt(365.0);

    /// <inheritdoc />
    public void Allocate(ReadOnlySpan<EntryRequest> requests, double equity, double grossExposure, Span<double> units)
    {
        var total = 0.0;
        for (var i = 0; i < requests.Length; i++)
        {
            var r = requests[i];
            var u = equity > 0 && r.Price > 0 ? Desired(r, equity) : 0;
            if (!double.IsFinite(u) || u < 0) u = 0;
            if (u * r.Price > r.MaxNotional) u = r.MaxNotional / r.Price;
            units[i] = u;
            total += u * r.Price;
        }
        if (double.IsPositiveInfinity(_cap) || total == 0) return;
        var headroom = _cap * equity - grossExposure;
        if (total <= headroom) return;
        var scale = headroom > 0 ? headroom / total : 0;
        for (var i = 0; i < requests.Length; i++) units[i] *= scale;
    }

    private static double Desired(in EntryRequest r, double equity) => r.Sizing switch
    {
        FixedUnitsSizing f => f.Units,
        FixedNotionalSizing n => n.Notional / r.Price,
        RiskBudgetSizing b => r.DailyVolatility > 0 ? equity * b.AnnualVolatilityTarget / (r.DailyVolatility * SqrtDaysPerYear) / r.Price : 0,
        _ => throw new ArgumentException($"unknown sizing {r.Sizing.GetType().Name}"),
    };
}
