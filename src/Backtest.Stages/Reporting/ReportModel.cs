namespace Backtest.Stages.Reporting;

/// <summary>
/// Everything the final strategy report shows, computed by the Report stage and rendered (HTML with inline
/// SVG, Markdown, JSON) by <c>ReportRenderer</c>. The report is its own reproducibility certificate: it
/// carries every input digest.
/// </summary>
public sealed record ReportModel(
    string Title,
    string RunId,
    IReadOnlyList<string> Symbols,
    string Source,
    bool Synthetic,
    string Timeframe,
    string PeriodFrom,
    string PeriodTo,
    ReportSeries Equity,
    IReadOnlyList<FoldRow> Folds,
    IReadOnlyList<MetricRow> Metrics,
    IReadOnlyList<GateRow> Gates,
    CostBreakdown Costs,
    IReadOnlyList<BlueprintRow> Blueprints,
    IReadOnlyList<FunnelRow> Funnel,
    IReadOnlyList<DigestRow> Digests,
    IReadOnlyList<string> Notes);

/// <summary>
/// The stitched out-of-sample curve: bar-close timestamps (ms UTC), strategy equity, buy-and-hold equity of
/// the same capital (equal weight across symbols), and the strategy's drawdown (≤ 0, fraction of peak).
/// Down-sampled by the Report stage to at most a few thousand points.
/// </summary>
public sealed record ReportSeries(long[] Ts, double[] Equity, double[] BuyAndHold, double[] Drawdown);

/// <summary>One walk-forward fold: its windows, what it traded and how it did in and out of sample.</summary>
public sealed record FoldRow(string Fold, string TrainFrom, string TrainTo, string TestFrom, string TestTo,
    int Blueprints, int Trades, double OosReturn, double IsSharpe, double OosSharpe);

/// <summary>A headline metric: name, formatted value, and what it means.</summary>
public sealed record MetricRow(string Name, string Value, string Definition);

/// <summary>A walk-forward gate (DSR, PBO …): threshold, measured value, verdict.</summary>
public sealed record GateRow(string Gate, string Comparison, double Threshold, double Value, bool Passed);

/// <summary>Profit and loss by component over the whole out-of-sample period, in quote currency (USDT).</summary>
public sealed record CostBreakdown(double PricePnl, double Fees, double Spread, double Impact, double Funding, double Borrow, double Net);

/// <summary>A blueprint that traded in a fold, with its provenance.</summary>
public sealed record BlueprintRow(string Fold, string Id, string Symbol, string Trigger, string Direction, int HorizonBars,
    string Hypothesis, string Window, int Trades, double NetPnl, string CostDigest);

/// <summary>A step of the research funnel (planned → tested → passed gates → passed bridge → traded), summed over folds.</summary>
public sealed record FunnelRow(string Step, int Count, string Note);

/// <summary>An input digest (spec file, data file, cost digest, code): what a rerun must match to reproduce the report.</summary>
public sealed record DigestRow(string Kind, string Name, string Sha256);
