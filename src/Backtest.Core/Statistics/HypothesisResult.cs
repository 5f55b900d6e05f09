using Backtest.Core.Market;

namespace Backtest.Core.Statistics;

/// <summary>
/// The statistics of one discovery hypothesis (symbol, event, horizon, direction) over one window: a
/// value type so that ~50k of them per run cost no garbage. Returns are log returns; bps = 1e-4.
/// </summary>
/// <param name="Horizon">h, in bars.</param>
/// <param name="Direction">d: +1 (long: expects a rise) or −1 (short).</param>
/// <param name="LagRule">How <paramref name="HacLag"/> was chosen.</param>
/// <param name="Count">n, events with i + h inside the window.</param>
/// <param name="MeanBps">Mean of x_i in bps: the oriented excess forward return.</param>
/// <param name="SdBps">Sample standard deviation (ddof = 1) of x_i in bps; NaN for n &lt; 2.</param>
/// <param name="DriftBps">μ_h in bps (not oriented): the unconditional mean h-bar forward log return of the window.</param>
/// <param name="Ess">Effective sample size by event uniqueness over the windows (i, i + h].</param>
/// <param name="HacLag">Newey–West lag used (see <see cref="HacLagRule"/>).</param>
/// <param name="HacT">Mean / Newey–West SE; NaN for n &lt; 2 or a sample without dispersion.</param>
/// <param name="P">One-sided p of HacT against Student t with ESS − 1 degrees of freedom; NaN when ESS &lt; 2 or t is NaN.</param>
public readonly record struct HypothesisResult(
    int Horizon,
    int Direction,
    HacLagRule LagRule,
    int Count,
    double MeanBps,
    double SdBps,
    double DriftBps,
    double Ess,
    int HacLag,
    double HacT,
    double P)
{
    /// <summary>The conventions behind these numbers, as (name, text) pairs for output records.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Conventions => HypothesisTest.ConventionsFor(LagRule);
}
