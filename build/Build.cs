using Backtest.Stages.Atlas;
using Backtest.Stages.Blueprints;
using Backtest.Stages.Bridge;
using Backtest.Stages.Certification;
using Backtest.Stages.Clean;
using Backtest.Stages.Discovery;
using Backtest.Stages.Events;
using Backtest.Stages.Features;
using Backtest.Stages.Ingest;
using Backtest.Stages.Reporting;
using Backtest.Stages.Runtime;
using Backtest.Stages.Walkforward;
using Backtest.Targets;

/// <summary>
/// THE PIPELINE GRAPH. Each target declares what it depends on and hands its cached actions to a stage in
/// src/Backtest.Stages; no logic lives here. `./build.sh --help` lists targets and parameters.
/// </summary>
partial class Build : PipelineBuild
{
    /// <summary>`./build.sh [targets] [--parameters]`; Walkforward is the default target.</summary>
    public static int Main() => Execute<Build>(x => x.Walkforward);

    Target Ingest => _ => _
        .Description("Raw market data per symbol: the simulator (--source sim) or Binance files (--source binance --raw-dir)")
        .Requires(() => Symbols)
        .Actions(() => IngestStage.Actions(Settings))
        .Executes(() => BarPrepareIndex.Refresh(Settings));

    Target Clean => _ => _
        .Description("Aligned bar grid per symbol: duplicates resolved, gaps filled and flagged, outliers flagged, funding placed")
        .DependsOn(Ingest)
        .Actions(() => CleanStage.Actions(Settings))
        .Executes(() => BarPrepareIndex.Refresh(Settings));

    Target Features => _ => _
        .Description("Point-in-time feature columns from spec/features, one action per (symbol, feature)")
        .DependsOn(Clean)
        .Actions(() => FeaturesStage.Actions(Settings))
        .Executes(() => BarPrepareIndex.Refresh(Settings));

    Target Events => _ => _
        .Description("Event occurrences from spec/events, one action per (symbol, event)")
        .DependsOn(Features)
        .Actions(() => EventsStage.Actions(Settings))
        .Executes(() => BarPrepareIndex.Refresh(Settings));

    Target Templates => _ => _
        .Description("Backlog claims resolved into templates; specs they need that do not exist listed in spec_tasks.parquet")
        .Actions(() => TemplatesStage.Actions(Settings));

    Target Plan => _ => _
        .Description("Hypotheses to test (symbols × events × horizons × directions) under the budgets of spec/plan.yaml")
        .DependsOn(Templates, Clean)
        .Actions(() => PlanStage.Actions(Settings));

    Target Discover => _ => _
        .Description("Statistics of every planned hypothesis over the whole series, FDR-adjusted and gated by spec/gates.yaml")
        .DependsOn(Plan, Events)
        .Actions(() => DiscoverStage.Actions(Settings, [DiscoverStage.Full]));

    Target Bridge => _ => _
        .Description("Discovery survivors priced after fees, spread, impact and funding (spec/costs.yaml, stamped with its cost digest)")
        .DependsOn(Discover)
        .Actions(() => BridgeStage.Actions(Settings, [DiscoverStage.Full]));

    Target Blueprints => _ => _
        .Description("Typed strategy blueprints compiled from what passed Bridge, bound to the cost digest")
        .DependsOn(Bridge)
        .Actions(() => BlueprintsStage.Actions(Settings, [DiscoverStage.Full]));

    Target Walkforward => _ => _
        .Description("Per fold: Discover → Bridge → Blueprints on the train window, then trade the test window; stitched out-of-sample result")
        .DependsOn(Blueprints)
        .Triggers(Report)
        .Actions(() => WalkforwardStage.Actions(Settings));

    Target Report => _ => _
        .Description("The final strategy report (report.html with inline charts, report.md, report.json) of the walk-forward run")
        .After(Walkforward)
        .Actions(() => ReportStage.Actions(Settings))
        .Executes(() => ReportOutcome($"Report: {ReportStage.Paths(WalkforwardPaths.RunId(Settings)).Html}"));

    Target Certify => _ => _
        .Description("Reruns the synthetic certification batch (golden/batch) in an isolated folder and compares it with golden/expected; --accept rewrites golden")
        .Executes(() => ReportSummary(Certification.Certify(RootDirectory, typeof(Build).Assembly.Location, Accept,
            m => Log.Information(m), m => Log.Warning(m), Cancellation)));

    Target Download => _ => _
        .Description("Fetches Binance Data Vision files (klines; on perps also funding and metrics) for --symbols, --from, --to into --raw-dir, each checked against its .CHECKSUM")
        .Requires(() => Symbols)
        .Executes(() => ReportSummary(DownloadStage.Run(Settings, m => Log.Information(m), Cancellation)));

    Target CacheGc => _ => _
        .Description("Prunes blobs in data/cache/cas that no action record references")
        .Executes(() => ReportSummary(Cache.CollectGarbage().ToString()));

    Target Test => _ => _
        .Description("Runs every test project; ends with 'N passed, N failed'")
        .Executes(() =>
        {
            var totals = DotNetTasks.DotNetTest(Path.Combine(RootDirectory, "Backtest.sln"), "Release",
                Path.Combine(RootDirectory, ".nuke", "temp", "test-results"), log: Log, cancellation: Cancellation);
            Log.Information(totals.Summary);   // printed before failing, so CI always sees the counts
            ReportSummary(totals.Summary);
            totals.EnsureSucceeded();
        });
}
