namespace Backtest.Core.Statistics;

/// <summary>
/// How the Newey–West lag of an event sample is chosen. Autocorrelation in an event sample comes only from
/// events whose forward windows overlap, so the lag must be counted in events, not bars.
/// </summary>
public enum HacLagRule
{
    /// <summary>
    /// max(⌊4 (n/100)^{2/9}⌋, m) with m the largest number of later events whose windows overlap one event's
    /// window: covers every non-zero autocorrelation under the null, and equals h − 1 when an event fires on
    /// every bar. The default: calibrated on simulated nulls (see HypothesisTestTests).
    /// </summary>
    EventOverlap = 0,

    /// <summary>
    /// max(⌊4 (n/100)^{2/9}⌋, h − 1) applied to the event index, the rule as first specified. For sparse events
    /// and long horizons the lag approaches n and the Bartlett estimate collapses, rejecting true nulls far
    /// more often than the nominal level (10–15 % at a 5 % level in simulations): kept for comparison only.
    /// </summary>
    HorizonMinusOne = 1,
}
