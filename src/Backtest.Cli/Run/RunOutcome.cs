using Backtest.Core.Bars;
using Backtest.Core.Engine;
using Backtest.Core.Statistics;
using Backtest.Core.Strategies;
using Backtest.Lake.Bars;

namespace Backtest.Cli.Run;

/// <summary>Everything one `backtest run` computed, before anything is written or printed.</summary>
/// <param name="Blueprint">The blueprint as loaded.</param>
/// <param name="BlueprintFile">Its file, as named on the command line.</param>
/// <param name="Bars">The bars it ran on.</param>
/// <param name="BarsReport">How the bars file was read (gaps filled, timeframe).</param>
/// <param name="CostsFile">The cost file used, as shown.</param>
/// <param name="CostDigest">Its digest.</param>
/// <param name="Capital">Starting equity.</param>
/// <param name="Result">The research kernel's result.</param>
/// <param name="Totals">P&amp;L by component over the whole run (the open trade's mark included).</param>
/// <param name="Performance">Sharpe, drawdown and the other figures, over closed trades for the trade statistics.</param>
/// <param name="OutputFolder">Where the files go (resolved, not yet created).</param>
public sealed record RunOutcome(
    Blueprint Blueprint,
    string BlueprintFile,
    BarFrame Bars,
    BarsReport BarsReport,
    string CostsFile,
    string CostDigest,
    double Capital,
    ResearchResult Result,
    LedgerTotals Totals,
    PerformanceSummary Performance,
    string OutputFolder);
