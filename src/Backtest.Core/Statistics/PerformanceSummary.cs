namespace Backtest.Core.Statistics;

/// <summary>
/// Walk-forward performance of one equity curve, each figure defined in <see cref="PerformanceMetrics"/>.
/// Fractions are plain (0.05 = 5 %); Sharpe and Sortino are annualised unless named per period.
/// </summary>
/// <param name="Bars">Number of bars in the series.</param>
/// <param name="Days">Number of distinct UTC days the bars fall in (a bar belongs to the day its interval ends in).</param>
/// <param name="TotalReturn">E_last / E_initial − 1.</param>
/// <param name="AnnualReturn">Compound annual growth rate over Bars × bar length on a 365-day year.</param>
/// <param name="DailySharpe">Sharpe of daily returns × √365: the figure gates use.</param>
/// <param name="DailySharpePerDay">Sharpe of daily returns, per day (not annualised).</param>
/// <param name="DailySortino">Mean daily return / downside deviation (target 0, over all days) × √365.</param>
/// <param name="BarSharpe">Sharpe of per-bar returns × √(bars per year): a diagnostic only (√q scaling assumes no autocorrelation).</param>
/// <param name="BarSharpePerBar">Sharpe of per-bar returns, per bar.</param>
/// <param name="MaxDrawdown">Largest fall from a running peak, as a fraction of the peak (0.2 = 20 %).</param>
/// <param name="MaxDrawdownBars">Longest run of consecutive bars below the running peak.</param>
/// <param name="MaxDrawdownDays">That run in days (bars × bar minutes / 1440).</param>
/// <param name="Trades">Number of closed trades.</param>
/// <param name="HitRate">Share of trades with a positive net return.</param>
/// <param name="AverageTradeBps">Mean net trade return in bps of entry notional.</param>
/// <param name="Exposure">Share of bars held in a position.</param>
/// <param name="AnnualTurnover">Traded notional / mean equity, scaled to a year.</param>
public sealed record PerformanceSummary(
    int Bars,
    int Days,
    double TotalReturn,
    double AnnualReturn,
    double DailySharpe,
    double DailySharpePerDay,
    double DailySortino,
    double BarSharpe,
    double BarSharpePerBar,
    double MaxDrawdown,
    int MaxDrawdownBars,
    double MaxDrawdownDays,
    int Trades,
    double HitRate,
    double AverageTradeBps,
    double Exposure,
    double AnnualTurnover)
{
    /// <summary>The definitions behind these figures, for output records.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Conventions => PerformanceMetrics.Conventions;
}
