using System.Globalization;
using Backtest.Core.Strategies;
using Backtest.Core.Time;
using Backtest.Core.Walkforward;
using Backtest.Lake.Files;
using Backtest.Lake.Layout;
using Backtest.Lake.Specs;
using Backtest.Stages.Atlas;
using Backtest.Stages.Blueprints;
using Backtest.Stages.Pipeline;
using Backtest.Stages.Walkforward;
using Backtest.Targets;

namespace Backtest.Stages.Reporting;

/// <summary>
/// Report: turns a walk-forward run into report.html (self-contained, inline SVG), report.md and report.json in
/// data/reports/final/&lt;run&gt;/. The report carries every input digest (spec files, data, cost digest, code),
/// so it is its own reproducibility certificate.
/// </summary>
public static class ReportStage
{
    /// <summary>The report files of a run.</summary>
    public static (string Html, string Markdown, string Json) Paths(string run) =>
        ($"{LakeLayout.Final(run)}/report.html", $"{LakeLayout.Final(run)}/report.md", $"{LakeLayout.Final(run)}/report.json");

    /// <summary>The single Report action of the run.</summary>
    public static IEnumerable<BuildAction> Actions(PipelineSettings s)
    {
        var plan = PlanStage.Read(LakeLayout.Absolute(s.Root, LakeLayout.CandidatePlan));
        var w = WalkforwardLoader.Load(s.Root, plan.Count == 0 ? 0 : plan.Max(h => h.Horizon));
        var folds = WalkforwardStage.Folds(s, w);
        var run = WalkforwardPaths.RunId(s);
        var specFiles = Directory.EnumerateFiles(Path.Combine(s.Root, "spec"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(s.Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        var bars = s.Symbols.Select(x => LakeLayout.CleanedBars(s.Market, x, s.Timeframe)).ToArray();
        var (html, md, json) = Paths(run);
        yield return new BuildAction
        {
            Partition = run,
            Code = StageCode.Assemblies,
            Specs = specFiles,
            Inputs = [WalkforwardPaths.Metrics(run), WalkforwardPaths.Equity(run), WalkforwardPaths.Trades(run), LakeLayout.PlanSummary,
                .. folds.Select(f => WalkforwardPaths.FoldSummary(run, f.Id)), .. folds.Select(f => BlueprintsStage.Index(f.Id)), .. bars],
            Outputs = [html, md, json],
            Run = ctx =>
            {
                var model = ReportBuilder.Build(s, run, folds, specFiles, bars, ctx.InputPath);
                File.WriteAllText(ctx.OutputPath(html), ReportRenderer.Html(model));
                File.WriteAllText(ctx.OutputPath(md), ReportRenderer.Markdown(model));
                File.WriteAllText(ctx.OutputPath(json), ReportRenderer.Json(model));
                ctx.Info = $"report: {html}";
            },
        };
    }
}
