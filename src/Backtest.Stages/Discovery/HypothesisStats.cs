namespace Backtest.Stages.Discovery;

/// <summary>
/// One hypothesis's statistics over one window (data/reports/discovery/&lt;window&gt;/stats/&lt;id&gt;.json):
/// cached per hypothesis, so adding a claim computes only the new hypotheses and editing gates.yaml
/// recomputes none of them.
/// </summary>
public sealed record HypothesisStats(
    string Id,
    string Window,
    string Symbol,
    string Event,
    int Horizon,
    string Direction,
    int WindowBars,
    int EventsInWindow,
    int N,
    double MeanBps,
    double SdBps,
    double DriftBps,
    double Ess,
    int HacLag,
    double HacT,
    double P,
    string LagRule);
