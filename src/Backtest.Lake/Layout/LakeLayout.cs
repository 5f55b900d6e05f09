using Backtest.Core.Market;
using Backtest.Core.Time;

namespace Backtest.Lake.Layout;

/// <summary>
/// Every artifact's place, as repository-relative paths with forward slashes (the form action keys and
/// records use). The one source of truth for ARCHITECTURE.md §5's layout.
/// </summary>
public static class LakeLayout
{
    /// <summary>Root of generated data.</summary>
    public const string Data = "data";

    /// <summary>Raw candles as ingested (ts = bar close).</summary>
    public static string RawKlines(MarketKind m, string symbol, Timeframe tf) => $"data/lake/raw/{m.ToFolder()}/{symbol}/{tf}/klines.parquet";
    /// <summary>Raw funding settlements.</summary>
    public static string RawFunding(MarketKind m, string symbol) => $"data/lake/raw/{m.ToFolder()}/{symbol}/funding.parquet";
    /// <summary>Raw open-interest snapshots.</summary>
    public static string RawOpenInterest(MarketKind m, string symbol) => $"data/lake/raw/{m.ToFolder()}/{symbol}/open_interest.parquet";
    /// <summary>What ingest did (source, files, rows), for provenance.</summary>
    public static string IngestManifest(MarketKind m, string symbol, Timeframe tf) => $"data/lake/raw/{m.ToFolder()}/{symbol}/{tf}/ingest.json";

    /// <summary>Folder of a symbol's cleaned data.</summary>
    public static string CleanedFolder(MarketKind m, string symbol, Timeframe tf) => $"data/lake/cleaned/{m.ToFolder()}/{symbol}/{tf}";
    /// <summary>Cleaned bars on the complete grid.</summary>
    public static string CleanedBars(MarketKind m, string symbol, Timeframe tf) => $"{CleanedFolder(m, symbol, tf)}/bars.parquet";
    /// <summary>Machine-readable clean report.</summary>
    public static string CleanReportJson(MarketKind m, string symbol, Timeframe tf) => $"{CleanedFolder(m, symbol, tf)}/clean_report.json";
    /// <summary>Readable clean report.</summary>
    public static string CleanReportText(MarketKind m, string symbol, Timeframe tf) => $"{CleanedFolder(m, symbol, tf)}/clean_report.md";

    /// <summary>One feature column.</summary>
    public static string Feature(MarketKind m, string symbol, Timeframe tf, string feature) => $"data/lake/features/{m.ToFolder()}/{symbol}/{tf}/{feature}.parquet";
    /// <summary>One event's occurrences.</summary>
    public static string Event(MarketKind m, string symbol, Timeframe tf, string ev) => $"data/lake/events/{m.ToFolder()}/{symbol}/{tf}/{ev}.parquet";

    /// <summary>Research planning outputs.</summary>
    public const string Atlas = "data/reports/atlas";
    /// <summary>Claims resolved into templates.</summary>
    public const string Templates = Atlas + "/templates.jsonl";
    /// <summary>Specs claims need that do not exist.</summary>
    public const string SpecTasks = Atlas + "/spec_tasks.parquet";
    /// <summary>The hypotheses to test, in stable order.</summary>
    public const string CandidatePlan = Atlas + "/candidate_plan.jsonl";
    /// <summary>Plan hash and counts.</summary>
    public const string PlanSummary = Atlas + "/plan.json";
    /// <summary>What was dropped and why.</summary>
    public const string Feasibility = Atlas + "/feasibility.md";

    /// <summary>Folder of a window's discovery.</summary>
    public static string Discovery(string window) => $"data/reports/discovery/{window}";
    /// <summary>One hypothesis's statistics (cached per hypothesis; gating reads them).</summary>
    public static string HypothesisStats(string window, string hypothesisId) => $"data/reports/discovery/{window}/stats/{hypothesisId}.json";
    /// <summary>Every tested hypothesis with statistics and verdicts.</summary>
    public static string Hypotheses(string window) => $"{Discovery(window)}/hypotheses.parquet";
    /// <summary>Funnel counts and thresholds of a window's discovery (for Walkforward and the report).</summary>
    public static string DiscoverySummary(string window) => $"{Discovery(window)}/discovery.json";
    /// <summary>Ranked discovery summary.</summary>
    public static string DiscoveryReport(string window) => $"{Discovery(window)}/discovery.md";

    /// <summary>Folder of a window's economic validation.</summary>
    public static string Bridge(string window) => $"data/reports/bridge/{window}";
    /// <summary>Net-of-cost validation of passing hypotheses.</summary>
    public static string Validated(string window) => $"{Bridge(window)}/validated.parquet";
    /// <summary>Funnel counts of a window's bridge (for Walkforward and the report).</summary>
    public static string BridgeSummary(string window) => $"{Bridge(window)}/bridge.json";
    /// <summary>Readable bridge summary.</summary>
    public static string BridgeReport(string window) => $"{Bridge(window)}/bridge.md";

    /// <summary>Folder of a window's compiled blueprints (one JSON per blueprint).</summary>
    public static string Blueprints(string window) => $"data/reports/blueprints/{window}";

    /// <summary>Folder of a walk-forward run.</summary>
    public static string Walkforward(string run) => $"data/reports/walkforward/{run}";
    /// <summary>Folder of a run's final report.</summary>
    public static string Final(string run) => $"data/reports/final/{run}";

    /// <summary>The data-readiness view refreshed by every data stage.</summary>
    public const string BarPrepareIndex = "data/runtime/bar_prepare_index.json";

    /// <summary>Absolute path of a repository-relative path.</summary>
    public static string Absolute(string root, string relative) => Path.GetFullPath(Path.Combine(root, relative));
}
