using Backtest.Lake.Layout;
using Backtest.Stages.Pipeline;

namespace Backtest.Stages.Walkforward;

/// <summary>Where a walk-forward run's pieces and results live (data/reports/walkforward/&lt;run&gt;/…).</summary>
public static class WalkforwardPaths
{
    /// <summary>"sim-BTCUSDT-5m": source, symbols and timeframe name a run, so runs on different data never collide.</summary>
    public static string RunId(PipelineSettings s) => $"{s.Source}-{string.Join("+", s.Symbols)}-{s.Timeframe}";

    /// <summary>A fold's out-of-sample equity piece.</summary>
    public static string FoldEquity(string run, string fold) => $"{LakeLayout.Walkforward(run)}/folds/{fold}/equity.parquet";
    /// <summary>A fold's trades.</summary>
    public static string FoldTrades(string run, string fold) => $"{LakeLayout.Walkforward(run)}/folds/{fold}/trades.parquet";
    /// <summary>A fold's summary (windows, blueprints, IS/OOS figures, PBO inputs).</summary>
    public static string FoldSummary(string run, string fold) => $"{LakeLayout.Walkforward(run)}/folds/{fold}/summary.json";
    /// <summary>One row per fold.</summary>
    public static string Folds(string run) => $"{LakeLayout.Walkforward(run)}/folds.parquet";
    /// <summary>Every out-of-sample trade.</summary>
    public static string Trades(string run) => $"{LakeLayout.Walkforward(run)}/trades.parquet";
    /// <summary>The stitched out-of-sample equity with its components and buy-and-hold.</summary>
    public static string Equity(string run) => $"{LakeLayout.Walkforward(run)}/equity.parquet";
    /// <summary>Every metric of the run.</summary>
    public static string Metrics(string run) => $"{LakeLayout.Walkforward(run)}/metrics.json";
}
