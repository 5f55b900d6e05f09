using Backtest.Core.Costs;
using Backtest.Core.Market;
using Backtest.Core.Statistics;

namespace Backtest.Core.Research;

/// <summary>What a hypothesis earns after costs at the size it would trade, and how much size it can take.</summary>
/// <param name="N">Events with a full horizon inside the window.</param>
/// <param name="GrossBps">Mean oriented RAW forward log return (what a position earns, drift included), bps.</param>
/// <param name="CostBps">Mean round-trip cost per trade at the intended size (fees, spread, impact) plus carry, bps.</param>
/// <param name="CarryBps">Mean expected funding (perps) or borrow (spot shorts) over the horizon, bps (positive = paid).</param>
/// <param name="NetBps">GrossBps − CostBps: the mean edge per trade after costs.</param>
/// <param name="NetT">HAC t of the per-event net returns (same lag rule as discovery).</param>
/// <param name="NotionalUsd">Mean intended notional per trade.</param>
/// <param name="CapacityUsd">Notional at which costs eat the whole gross edge (square-root impact), at median liquidity.</param>
public readonly record struct EconomicResult(int N, double GrossBps, double CostBps, double CarryBps, double NetBps, double NetT,
    double NotionalUsd, double CapacityUsd);

/// <summary>
/// Bridge arithmetic (ARCHITECTURE.md §7, STATISTICS.md §6): for each event, the raw oriented forward return
/// minus the round trip at that event's point-in-time liquidity and intended notional, minus the expected
/// funding over the horizon from the window's funding data. Costs are charged per event, not on average, so
/// an edge concentrated in illiquid moments pays what those moments cost.
/// </summary>
public static class EconomicValidation
{
    /// <summary>
    /// Evaluates one hypothesis. <paramref name="logClose"/> and <paramref name="eventBars"/> are window-local;
    /// <paramref name="liquidity"/> and <paramref name="notional"/> give each event's point-in-time liquidity and
    /// intended size; <paramref name="carryBps"/> is the expected funding/borrow over the horizon (signed, paid &gt; 0).
    /// </summary>
    public static EconomicResult Evaluate(ReadOnlySpan<double> logClose, ReadOnlySpan<int> eventBars, int horizon, Direction direction,
        string symbol, CostModel costs, ReadOnlySpan<Liquidity> liquidity, ReadOnlySpan<double> notional, double carryBps)
    {
        var lastStart = logClose.Length - 1 - horizon;
        var n = 0;
        while (n < eventBars.Length && eventBars[n] <= lastStart) n++;
        if (n == 0) return new EconomicResult(0, double.NaN, double.NaN, carryBps, double.NaN, double.NaN, double.NaN, double.NaN);
        var net = new double[n];
        double gross = 0, cost = 0, size = 0;
        var known = 0;
        var d = (int)direction;
        for (var k = 0; k < n; k++)
        {
            var i = eventBars[k];
            var r = d * (logClose[i + horizon] - logClose[i]) * 1e4;
            var c = liquidity[k].IsKnown ? costs.RoundTripBps(symbol, notional[k], liquidity[k], carryBps) : costs.FixedRoundTripBps + carryBps;
            if (liquidity[k].IsKnown) known++;
            gross += r;
            cost += c;
            size += notional[k];
            net[k] = r - c;
        }
        gross /= n;
        cost /= n;
        var lag = NeweyWest.LagForEventSample(eventBars[..n], horizon);
        var se = NeweyWest.StandardErrorOfMean(net, lag);
        var netMean = gross - cost;
        var capacity = known == 0 ? double.NaN : costs.CapacityNotional(symbol, gross, MedianLiquidity(liquidity[..n]), carryBps);
        return new EconomicResult(n, gross, cost, carryBps, netMean, se > 0 ? netMean / se : double.NaN, size / n, capacity);
    }

    /// <summary>The median of each liquidity component over the known values (capacity is quoted at typical liquidity).</summary>
    public static Liquidity MedianLiquidity(ReadOnlySpan<Liquidity> liquidity)
    {
        var vol = new List<double>(liquidity.Length);
        var daily = new List<double>(liquidity.Length);
        var bar = new List<double>(liquidity.Length);
        foreach (var l in liquidity)
        {
            if (!l.IsKnown) continue;
            vol.Add(l.DailyVolatility);
            daily.Add(l.DailyQuoteVolume);
            bar.Add(l.MeanBarQuoteVolume);
        }
        return vol.Count == 0 ? new Liquidity(double.NaN, double.NaN, double.NaN) : new Liquidity(Median(vol), Median(daily), Median(bar));
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var m = values.Count / 2;
        return values.Count % 2 == 1 ? values[m] : 0.5 * (values[m - 1] + values[m]);
    }
}
