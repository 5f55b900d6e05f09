using System.Buffers;

namespace Backtest.Core.Statistics;

/// <summary>
/// The discovery test of one hypothesis (STATISTICS.md §7, ARCHITECTURE.md §8): event-conditioned h-bar
/// forward log returns in excess of the window's drift, oriented by the hypothesised direction, tested
/// with a Newey–West t and an ESS-based Student t p-value. Allocation-free given scratch: it runs for
/// every hypothesis of a plan (~50k per run).
/// Known bias, by design of the excess-over-drift sample: μ_h is estimated from the same bars the events
/// cover, which the standard error ignores, so when event windows cover a large share of the window the
/// test is conservative (an event that fires everywhere cannot differ from the drift).
/// </summary>
public static class HypothesisTest
{
    /// <summary>The conventions of <see cref="HypothesisResult"/> under the default lag rule, in a fixed order, for output records.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Conventions => ConventionsFor(HacLagRule.EventOverlap);

    private static readonly IReadOnlyList<KeyValuePair<string, string>> EventOverlapConventions = MakeConventions(
        "Newey-West Bartlett over the event sample in time order, lag max(floor(4 (n/100)^(2/9)), m), m = most later events whose (i, i+h] windows overlap one event's window; no prewhitening, no small-sample factor");

    private static readonly IReadOnlyList<KeyValuePair<string, string>> HorizonMinusOneConventions = MakeConventions(
        "Newey-West Bartlett over the event sample in time order, lag max(floor(4 (n/100)^(2/9)), h-1); no prewhitening, no small-sample factor");

    /// <summary>The conventions of results computed with <paramref name="rule"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ConventionsFor(HacLagRule rule) => rule switch
    {
        HacLagRule.EventOverlap => EventOverlapConventions,
        HacLagRule.HorizonMinusOne => HorizonMinusOneConventions,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown HAC lag rule"),
    };

    private static KeyValuePair<string, string>[] MakeConventions(string hac) =>
    [
        new("sample", "x_i = d*(log c[i+h] - log c[i]) - d*mu_h for events i with i+h inside the window, in time order"),
        new("drift", "mu_h = mean h-bar forward log return over all bars i of the window with i+h inside it"),
        new("sd", "sample standard deviation, ddof=1"),
        new("ess", "event uniqueness over windows (i, i+h]: sum of mean 1/concurrency = |union of windows| / h"),
        new("hac", hac),
        new("p", "one-sided P(T >= t_HAC) in the hypothesised direction, T ~ Student t with ESS-1 degrees of freedom; NaN when ESS < 2"),
    ];

    /// <summary>
    /// μ_h: the mean h-bar forward log return over every bar i of the window with i + h inside it (T − h
    /// returns); NaN when the window is not longer than h. Compute once per window and horizon, then reuse.
    /// </summary>
    public static double MeanForwardLogReturn(ReadOnlySpan<double> logClose, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var count = logClose.Length - horizon;
        if (count <= 0) return double.NaN;
        var ahead = logClose.Slice(horizon, count);
        var now = logClose.Slice(0, count);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var i = 0;
        for (; i + 4 <= count; i += 4)
        {
            s0 += ahead[i] - now[i];
            s1 += ahead[i + 1] - now[i + 1];
            s2 += ahead[i + 2] - now[i + 2];
            s3 += ahead[i + 3] - now[i + 3];
        }
        for (; i < count; i++) s0 += ahead[i] - now[i];
        return ((s0 + s1) + (s2 + s3)) / count;
    }

    /// <summary>Tests one hypothesis, computing μ_h and renting scratch itself (convenient; the hot path passes both).</summary>
    public static HypothesisResult Evaluate(ReadOnlySpan<double> logClose, ReadOnlySpan<int> eventBars, int horizon, int direction,
        HacLagRule lagRule = HacLagRule.EventOverlap)
    {
        var drift = MeanForwardLogReturn(logClose, horizon);
        var scratch = ArrayPool<double>.Shared.Rent(Math.Max(1, eventBars.Length));
        try
        {
            return Evaluate(logClose, eventBars, horizon, direction, drift, scratch, lagRule);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// Tests one hypothesis over a window: <paramref name="logClose"/> are the window's log closes,
    /// <paramref name="eventBars"/> strictly increasing bar indices into it, <paramref name="drift"/> is
    /// <see cref="MeanForwardLogReturn"/> of the same window and horizon, and <paramref name="scratch"/> holds at
    /// least as many values as there are events.
    /// </summary>
    public static HypothesisResult Evaluate(ReadOnlySpan<double> logClose, ReadOnlySpan<int> eventBars, int horizon, int direction, double drift,
        Span<double> scratch, HacLagRule lagRule = HacLagRule.EventOverlap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        if (direction is not (1 or -1))
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "direction must be +1 (long) or -1 (short)");
        if (eventBars.Length > 0 && eventBars[0] < 0)
            throw new ArgumentOutOfRangeException(nameof(eventBars), eventBars[0], "event bar indices must be non-negative indices into the window");

        for (var k = 1; k < eventBars.Length; k++)
            if (eventBars[k] <= eventBars[k - 1])
                throw new ArgumentException($"event bar indices must be strictly increasing: index {k} is {eventBars[k]} after {eventBars[k - 1]}", nameof(eventBars));

        // Sorted events: those whose horizon ends inside the window form a prefix.
        var lastStart = logClose.Length - 1 - horizon;
        var n = 0;
        while (n < eventBars.Length && eventBars[n] <= lastStart) n++;
        if (scratch.Length < n)
            throw new ArgumentException($"scratch holds {scratch.Length} values but {n} events need one each", nameof(scratch));
        var events = eventBars.Slice(0, n);
        var ess = EffectiveSampleSize.ForEqualWindows(events, horizon);
        var lag = lagRule switch
        {
            HacLagRule.EventOverlap => NeweyWest.LagForEventSample(events, horizon),
            HacLagRule.HorizonMinusOne => NeweyWest.LagForHorizon(n, horizon),
            _ => throw new ArgumentOutOfRangeException(nameof(lagRule), lagRule, "unknown HAC lag rule"),
        };
        var driftBps = drift * 1e4;
        if (n == 0) return new HypothesisResult(horizon, direction, lagRule, 0, double.NaN, double.NaN, driftBps, 0.0, lag, double.NaN, double.NaN);

        var x = scratch.Slice(0, n);
        var d = (double)direction;
        var sum = 0.0;
        for (var k = 0; k < n; k++)
        {
            var i = events[k];
            var v = d * (logClose[i + horizon] - logClose[i] - drift);
            x[k] = v;
            sum += v;
        }
        var mean = sum / n;
        if (n == 1) return new HypothesisResult(horizon, direction, lagRule, 1, mean * 1e4, double.NaN, driftBps, ess, lag, double.NaN, double.NaN);

        var first = x[0];
        var constant = true;
        var m2 = 0.0;
        for (var k = 0; k < n; k++)
        {
            constant &= x[k] == first;
            var c = x[k] - mean;
            x[k] = c;
            m2 += c * c;
        }
        // Identical outcomes (e.g. a flat, filled stretch of prices) carry no evidence: no t, no p.
        if (constant) return new HypothesisResult(horizon, direction, lagRule, n, first * 1e4, 0.0, driftBps, ess, lag, double.NaN, double.NaN);

        var sd = Math.Sqrt(m2 / (n - 1));
        var se = Math.Sqrt(NeweyWest.LongRunVarianceOfCentred(x, lag) / n);
        var t = se > 0.0 ? mean / se : double.NaN;
        var p = ess >= 2.0 && !double.IsNaN(t) ? StudentT.UpperTail(t, ess - 1.0) : double.NaN;
        return new HypothesisResult(horizon, direction, lagRule, n, mean * 1e4, sd * 1e4, driftBps, ess, lag, t, p);
    }
}
