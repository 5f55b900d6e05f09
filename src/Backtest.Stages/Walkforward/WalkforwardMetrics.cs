using Backtest.Core.Engine;
using Backtest.Core.Research;
using Backtest.Core.Statistics;

namespace Backtest.Stages.Walkforward;

/// <summary>metrics.json: every figure of a walk-forward run, with the conventions behind them.</summary>
public sealed record WalkforwardMetrics(
    string Run,
    string Source,
    bool Synthetic,
    IReadOnlyList<string> Symbols,
    string Timeframe,
    int Folds,
    double InitialCapital,
    PerformanceSummary Performance,
    double BuyAndHoldReturn,
    LedgerTotals Costs,
    DsrFigures Dsr,
    PboFigures Pbo,
    IReadOnlyList<GateVerdict> Gates,
    FunnelCounts Funnel,
    IReadOnlyList<DegradationRow> Degradation,
    string CostDigest,
    IReadOnlyList<KeyValuePair<string, string>> Conventions);

/// <summary>The Deflated Sharpe Ratio of the stitched daily returns, deflated by every hypothesis tested in every fold.</summary>
public sealed record DsrFigures(double Value, double DailySharpe, int Days, int Trials, double TrialSharpeVariance, double ExpectedMaxSharpe, double Skewness, double RawKurtosis);

/// <summary>PBO by CSCV per fold with at least two candidate blueprints, and their mean (NaN when no fold had two).</summary>
public sealed record PboFigures(double Mean, IReadOnlyList<KeyValuePair<string, double>> PerFold, string Convention);

/// <summary>The research funnel summed over folds.</summary>
public sealed record FunnelCounts(int Planned, int Tested, int PassedDiscovery, int PassedBridge, int Blueprints, int Traded);

/// <summary>In-sample versus out-of-sample annualised daily Sharpe of a fold's blueprints.</summary>
public sealed record DegradationRow(string Fold, double IsSharpe, double OosSharpe);
