using Backtest.Targets;

/// <summary>
/// PLACEHOLDER pipeline graph: four toy targets that exercise the runner end to end (uncached work, cached actions,
/// a dependency with early cutoff, blob garbage collection). The real graph (Ingest … Report) replaces it.
/// </summary>
partial class Build : PipelineBuild
{
    /// <summary>Entry point: <c>./build.sh [targets] [--parameters]</c>; Sum is the default target.</summary>
    public static int Main() => Execute<Build>(x => x.Sum);

    Target Hello => _ => _
        .Description("Prints a greeting (uncached)")
        .Executes(() => Log.Information($"Hello, {Name}!"));

    Target Squares => _ => _
        .Description("Writes data/toy/squares/<n>.txt for n = 1..count (one cached action per n)")
        .Requires(() => Count > 0)
        .Actions(() => ToyActions.Squares(Count, DelayMs));

    Target Sum => _ => _
        .Description("Sums the squares into data/toy/total.txt (cached; reruns only when a square's content changes)")
        .DependsOn(Squares)
        .Actions(() => ToyActions.Total(Count));

    Target CacheGc => _ => _
        .Description("Prunes blobs that no action record references")
        .Executes(() => ReportSummary(Cache.CollectGarbage().ToString()));
}
