using System.Globalization;
using Backtest.Core.Bars;
using Backtest.Core.Cleaning;
using Backtest.Core.Costs;
using Backtest.Core.Engine;
using Backtest.Core.Events;
using Backtest.Core.Research;
using Backtest.Core.Statistics;
using Backtest.Core.Strategies;
using Backtest.Core.Strategies.Compilation;
using Backtest.Core.Time;
using Backtest.Core.Walkforward;
using Backtest.Lake.Files;
using Backtest.Lake.Layout;
using Backtest.Lake.Specs;
using Backtest.Stages.Atlas;
using Backtest.Stages.Blueprints;
using Backtest.Stages.Bridge;
using Backtest.Stages.Discovery;
using Backtest.Stages.Pipeline;
using Backtest.Targets;

namespace Backtest.Stages.Walkforward;

/// <summary>
/// Walkforward: for each fold, Discover → Bridge → Blueprints on the train window only (each its own cached
/// actions), then the fold's blueprints trade the test window through the engine (one action per fold; all
/// symbols share capital through the risk allocator), and one action stitches the out-of-sample pieces into one
/// equity curve with every metric (ARCHITECTURE.md §7, STATISTICS.md §4–5).
/// </summary>
public static class WalkforwardStage
{
    /// <summary>Every action of a walk-forward run.</summary>
    public static IEnumerable<BuildAction> Actions(PipelineSettings s)
    {
        var plan = PlanStage.Read(LakeLayout.Absolute(s.Root, LakeLayout.CandidatePlan));
        var w = WalkforwardLoader.Load(s.Root, plan.Count == 0 ? 0 : plan.Max(h => h.Horizon));
        var folds = Folds(s, w);
        var windows = folds.Select(f => f.Train).ToArray();
        foreach (var a in DiscoverStage.Actions(s, windows)) yield return a;
        foreach (var a in BridgeStage.Actions(s, windows)) yield return a;
        foreach (var a in BlueprintsStage.Actions(s, windows)) yield return a;
        var (costs, costDigest) = CostsLoader.Load(s.Root);
        var specs = ResearchSpecs.Load(s.Root);
        var run = WalkforwardPaths.RunId(s);
        foreach (var fold in folds) yield return FoldAction(s, w, fold, run, costs, costDigest, specs);
        yield return StitchAction(s, w, folds, run, costDigest, plan.Count);
    }

    /// <summary>The folds over the union of the symbols' cleaned ranges (calendar folds, see <see cref="FoldPlanner"/>).</summary>
    public static IReadOnlyList<Fold> Folds(PipelineSettings s, WalkforwardSettings w)
    {
        long first = long.MaxValue, last = long.MinValue;
        foreach (var symbol in s.Symbols)
        {
            var r = LakeJson.Read<CleanReport>(LakeLayout.Absolute(s.Root, LakeLayout.CleanReportJson(s.Market, symbol, s.Timeframe)));
            first = Math.Min(first, r.FirstTs);
            last = Math.Max(last, r.LastTs);
        }
        var folds = FoldPlanner.Plan(first, last, s.Timeframe.Milliseconds, w);
        if (folds.Count == 0)
        {
            var days = (last - first) / 86_400_000.0;
            var need = w.TrainDays + w.TestDays + w.EmbargoBars * s.Timeframe.Minutes / 1440.0 + 1;
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"the data spans {days:F0} days ({UtcTime.Format(first)} to {UtcTime.Format(last)}), but one walk-forward fold needs {need:F0} (train_days {w.TrainDays} + embargo + test_days {w.TestDays}, spec/walkforward.yaml): use more data (--sim-days) or shorter windows"));
        }
        return folds;
    }

    private static string SizingDigest(WalkforwardSettings w) => Hashing.Sha256Hex(FormattableString.Invariant(
        $"initial_capital={w.InitialCapital:R};risk_budget={w.RiskBudget:R};gross_leverage_cap={w.GrossLeverageCap:R}"));

    private static string[] MarketInputs(PipelineSettings s, ResearchSpecs specs) =>
        s.Symbols.SelectMany(x => specs.Features.Graph.Ids.Select(f => LakeLayout.Feature(s.Market, x, s.Timeframe, f))
                .Concat(specs.Events.Keys.Select(e => LakeLayout.Event(s.Market, x, s.Timeframe, e)))
                .Append(LakeLayout.CleanedBars(s.Market, x, s.Timeframe)))
            .Order(StringComparer.Ordinal).ToArray();

    private static BuildAction FoldAction(PipelineSettings s, WalkforwardSettings w, Fold fold, string run, CostSettings costs, string costDigest, ResearchSpecs specs) => new()
    {
        Partition = $"trade/{fold.Id}",
        Code = StageCode.Assemblies,
        SpecDigests = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [CostsLoader.DefaultPath] = costDigest,
            [WalkforwardLoader.Path] = SizingDigest(w),
        },
        Extra = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["cost_digest"] = costDigest },
        Inputs = [BlueprintsStage.Index(fold.Id), .. MarketInputs(s, specs)],
        Outputs = [WalkforwardPaths.FoldEquity(run, fold.Id), WalkforwardPaths.FoldTrades(run, fold.Id), WalkforwardPaths.FoldSummary(run, fold.Id)],
        Run = ctx =>
        {
            var blueprints = BlueprintSet.Read(ctx.InputPath(BlueprintsStage.Index(fold.Id)));
            foreach (var b in blueprints) b.EnsureCostDigest(costDigest);
            var events = specs.Events.ToDictionary(kv => kv.Key, kv => kv.Value.Event, StringComparer.Ordinal);
            var result = FoldTrader.Trade(s, w, fold, blueprints, costs, events,
                symbol => LakeMemo.Bars(ctx.InputPath(LakeLayout.CleanedBars(s.Market, symbol, s.Timeframe))),
                (symbol, feature) => LakeMemo.Feature(ctx.InputPath(LakeLayout.Feature(s.Market, symbol, s.Timeframe, feature))),
                ctx.Cancellation);
            FoldTables.WriteEquity(ctx.OutputPath(WalkforwardPaths.FoldEquity(run, fold.Id)), result.Equity);
            FoldTables.WriteTrades(ctx.OutputPath(WalkforwardPaths.FoldTrades(run, fold.Id)), fold.Id, result.Trades);
            LakeJson.Write(ctx.OutputPath(WalkforwardPaths.FoldSummary(run, fold.Id)), result.Summary);
            ctx.Info = string.Create(CultureInfo.InvariantCulture,
                $"{blueprints.Count} blueprints, {result.Summary.Trades} trades, OOS {result.Summary.OosReturn:P2}");
        },
    };

    private static BuildAction StitchAction(PipelineSettings s, WalkforwardSettings w, IReadOnlyList<Fold> folds, string run, string costDigest, int planned)
    {
        var pieces = folds.SelectMany(f => new[]
        {
            WalkforwardPaths.FoldEquity(run, f.Id), WalkforwardPaths.FoldTrades(run, f.Id), WalkforwardPaths.FoldSummary(run, f.Id),
            LakeLayout.Hypotheses(f.Id), LakeLayout.DiscoverySummary(f.Id), LakeLayout.BridgeSummary(f.Id),
        }).ToArray();
        var bars = s.Symbols.Select(x => LakeLayout.CleanedBars(s.Market, x, s.Timeframe)).ToArray();
        var gates = GatesLoader.Load(s.Root);
        return new BuildAction
        {
            Partition = "stitch",
            Code = StageCode.Assemblies,
            SpecDigests = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                [GatesLoader.Path] = Hashing.Sha256Hex(GatesLoader.CanonicalSection(gates, "walkforward")),
                [WalkforwardLoader.Path] = SizingDigest(w),
            },
            Extra = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["cost_digest"] = costDigest },
            Inputs = [LakeLayout.PlanSummary, .. pieces, .. bars],
            Outputs = [WalkforwardPaths.Folds(run), WalkforwardPaths.Trades(run), WalkforwardPaths.Equity(run), WalkforwardPaths.Metrics(run)],
            Run = ctx =>
            {
                var metrics = Stitcher.Stitch(s, w, folds, run, gates.Walkforward, costDigest, planned, ctx.InputPath,
                    symbol => LakeMemo.Bars(ctx.InputPath(LakeLayout.CleanedBars(s.Market, symbol, s.Timeframe))),
                    ctx.OutputPath);
                ctx.Info = string.Create(CultureInfo.InvariantCulture,
                    $"{folds.Count} folds, {metrics.Performance.Trades} trades, return {metrics.Performance.TotalReturn:P2}, daily Sharpe {metrics.Performance.DailySharpe:F2}, DSR {metrics.Dsr.Value:F3}");
            },
        };
    }
}
