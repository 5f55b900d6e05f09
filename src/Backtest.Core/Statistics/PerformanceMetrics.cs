using Backtest.Core.Time;

namespace Backtest.Core.Statistics;

/// <summary>
/// Walk-forward performance figures from a per-bar equity curve (bars stamped at their close, int64 ms UTC)
/// and the trade log. Gates use the Sharpe of DAILY returns on a 365-day year; the bar-level Sharpe is kept
/// as a diagnostic because √q annualisation of autocorrelated bar returns misleads (Lo 2002).
/// </summary>
public static class PerformanceMetrics
{
    /// <summary>Milliseconds in a UTC day.</summary>
    public const long DayMilliseconds = 86_400_000L;

    /// <summary>The definitions of <see cref="PerformanceSummary"/>, in a fixed order, for output records.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Conventions { get; } =
    [
        new("returns", "per-bar simple returns r_t = E_t / E_{t-1} - 1 with E_{-1} = initial equity; E_t is equity at bar close after all costs"),
        new("total_return", "E_last / E_initial - 1"),
        new("annual_return", "(E_last / E_initial)^(1/years) - 1, years = bars * bar minutes / (365*1440); -1 when equity ends at or below 0"),
        new("day", "UTC day of a bar = floor((close_ts - 1 ms) / 1 day): a bar closing at 00:00 belongs to the day that just ended"),
        new("daily_return", "E at the last bar of the day / E at the last bar of the previous day (initial equity for the first) - 1; days without bars are absent"),
        new("daily_sharpe", "mean / sd (ddof=1) of daily returns * sqrt(365)"),
        new("daily_sortino", "mean daily return / sqrt(mean over all days of min(r,0)^2) * sqrt(365); NaN without a losing day"),
        new("bar_sharpe", "mean / sd (ddof=1) of per-bar returns * sqrt(bars per year), bars per year = 365*1440/minutes (diagnostic)"),
        new("max_drawdown", "max over bars of 1 - E_t / max(E_initial, E_0..E_t)"),
        new("max_drawdown_duration", "longest run of consecutive bars with E_t below the running peak; days = bars * minutes / 1440"),
        new("hit_rate", "share of closed trades with net return > 0"),
        new("average_trade", "mean net return of closed trades, bps of entry notional"),
        new("exposure", "share of bars whose position (held into the bar close) is non-zero"),
        new("turnover", "sum of traded notional / mean bar-close equity * (bars per year / bars)"),
    ];

    /// <summary>
    /// Computes the summary. <paramref name="equity"/>, <paramref name="position"/> (signed notional held into each
    /// bar's close, 0 = flat) and <paramref name="tradedNotional"/> (absolute notional traded at each bar) are
    /// aligned with <paramref name="barCloseTs"/> (strictly increasing); <paramref name="tradeReturns"/> holds one
    /// net return per closed trade as a fraction of its entry notional.
    /// </summary>
    public static PerformanceSummary Compute(
        Timeframe timeframe,
        double initialEquity,
        ReadOnlySpan<long> barCloseTs,
        ReadOnlySpan<double> equity,
        ReadOnlySpan<double> position,
        ReadOnlySpan<double> tradedNotional,
        ReadOnlySpan<double> tradeReturns)
    {
        var n = barCloseTs.Length;
        if (equity.Length != n || position.Length != n || tradedNotional.Length != n)
            throw new ArgumentException($"per-bar series must align: {n} timestamps, {equity.Length} equity, {position.Length} position, {tradedNotional.Length} traded notional values");
        if (!(initialEquity > 0.0) || !double.IsFinite(initialEquity))
            throw new ArgumentOutOfRangeException(nameof(initialEquity), initialEquity, "initial equity must be a positive finite amount");
        for (var t = 0; t < n; t++)
        {
            if (t > 0 && barCloseTs[t] <= barCloseTs[t - 1])
                throw new ArgumentException($"bar timestamps must be strictly increasing: bar {t} closes at {barCloseTs[t]} after {barCloseTs[t - 1]}", nameof(barCloseTs));
            if (!double.IsFinite(equity[t])) throw new ArgumentException($"equity at bar {t} (ts {barCloseTs[t]}) is {equity[t]}", nameof(equity));
            if (!double.IsFinite(position[t])) throw new ArgumentException($"position at bar {t} (ts {barCloseTs[t]}) is {position[t]}", nameof(position));
            if (!(tradedNotional[t] >= 0.0) || !double.IsFinite(tradedNotional[t]))
                throw new ArgumentException($"traded notional at bar {t} (ts {barCloseTs[t]}) is {tradedNotional[t]}: it must be a finite amount >= 0", nameof(tradedNotional));
        }
        for (var k = 0; k < tradeReturns.Length; k++)
            if (!double.IsFinite(tradeReturns[k])) throw new ArgumentException($"trade {k} has return {tradeReturns[k]}", nameof(tradeReturns));

        var barsPerYear = timeframe.BarsPerYear;
        var last = n > 0 ? equity[n - 1] : initialEquity;
        var totalReturn = last / initialEquity - 1.0;
        var years = n * (double)timeframe.Minutes / (365.0 * 1440.0);
        var annualReturn = n == 0 ? double.NaN : last <= 0.0 ? -1.0 : Math.Pow(last / initialEquity, 1.0 / years) - 1.0;

        // Per-bar returns, drawdown and exposure in one pass.
        var barReturns = new double[n];
        var previous = initialEquity;
        var peak = initialEquity;
        var maxDrawdown = 0.0;
        var underwater = 0;
        var longestUnderwater = 0;
        var exposed = 0;
        var traded = 0.0;
        var equitySum = 0.0;
        for (var t = 0; t < n; t++)
        {
            var e = equity[t];
            barReturns[t] = e / previous - 1.0;
            previous = e;
            if (e >= peak) { peak = e; underwater = 0; }
            else
            {
                underwater++;
                if (underwater > longestUnderwater) longestUnderwater = underwater;
                var dd = 1.0 - e / peak;
                if (dd > maxDrawdown) maxDrawdown = dd;
            }
            if (position[t] != 0.0) exposed++;
            traded += tradedNotional[t];
            equitySum += e;
        }

        var daily = DailyReturns(initialEquity, barCloseTs, equity);
        var dailyMoments = SampleMoments.Of(daily);
        var barMoments = SampleMoments.Of(barReturns);

        var downside = 0.0;
        foreach (var r in daily)
            if (r < 0.0) downside += r * r;
        var downsideDeviation = daily.Length > 0 ? Math.Sqrt(downside / daily.Length) : double.NaN;
        var sortino = downsideDeviation > 0.0 ? dailyMoments.Mean / downsideDeviation * Math.Sqrt(365.0) : double.NaN;

        var wins = 0;
        var tradeSum = 0.0;
        foreach (var r in tradeReturns)
        {
            if (r > 0.0) wins++;
            tradeSum += r;
        }
        var trades = tradeReturns.Length;

        var meanEquity = n > 0 ? equitySum / n : double.NaN;
        return new PerformanceSummary(
            Bars: n,
            Days: daily.Length,
            TotalReturn: totalReturn,
            AnnualReturn: annualReturn,
            DailySharpe: dailyMoments.SharpeRatio * Math.Sqrt(365.0),
            DailySharpePerDay: dailyMoments.SharpeRatio,
            DailySortino: sortino,
            BarSharpe: barMoments.SharpeRatio * Math.Sqrt(barsPerYear),
            BarSharpePerBar: barMoments.SharpeRatio,
            MaxDrawdown: maxDrawdown,
            MaxDrawdownBars: longestUnderwater,
            MaxDrawdownDays: longestUnderwater * (double)timeframe.Minutes / 1440.0,
            Trades: trades,
            HitRate: trades > 0 ? (double)wins / trades : double.NaN,
            AverageTradeBps: trades > 0 ? tradeSum / trades * 1e4 : double.NaN,
            Exposure: n > 0 ? (double)exposed / n : double.NaN,
            AnnualTurnover: n > 0 && meanEquity > 0.0 ? traded / meanEquity * (barsPerYear / n) : double.NaN);
    }

    /// <summary>Equity at each bar close from per-bar P&amp;L: E_t = initial + Σ_{s≤t} pnl_s.</summary>
    public static void EquityFromPnl(double initialEquity, ReadOnlySpan<double> pnl, Span<double> equity)
    {
        if (equity.Length != pnl.Length)
            throw new ArgumentException($"equity has length {equity.Length} but P&L has {pnl.Length}", nameof(equity));
        var e = initialEquity;
        for (var t = 0; t < pnl.Length; t++)
        {
            e += pnl[t];
            equity[t] = e;
        }
    }

    /// <summary>The UTC day a bar belongs to: the day its interval ends in (a 00:00 close ends the previous day).</summary>
    public static long UtcDay(long barCloseTs)
    {
        var shifted = barCloseTs - 1;
        var day = shifted / DayMilliseconds;
        return shifted % DayMilliseconds < 0 ? day - 1 : day;   // floor, also before 1970
    }

    /// <summary>Daily simple returns, compounding the bars of each UTC day, in day order.</summary>
    public static double[] DailyReturns(double initialEquity, ReadOnlySpan<long> barCloseTs, ReadOnlySpan<double> equity)
    {
        var n = barCloseTs.Length;
        if (n == 0) return [];
        var days = 1;
        for (var t = 1; t < n; t++)
            if (UtcDay(barCloseTs[t]) != UtcDay(barCloseTs[t - 1])) days++;
        var result = new double[days];
        var d = 0;
        var startOfDay = initialEquity;
        for (var t = 0; t < n; t++)
        {
            var endsDay = t == n - 1 || UtcDay(barCloseTs[t + 1]) != UtcDay(barCloseTs[t]);
            if (!endsDay) continue;
            result[d++] = equity[t] / startOfDay - 1.0;
            startOfDay = equity[t];
        }
        return result;
    }
}
