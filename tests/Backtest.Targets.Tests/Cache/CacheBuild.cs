namespace Backtest.Targets.Tests;

/// <summary>Two cached targets whose actions each test supplies, plus an uncached garbage collection.</summary>
public sealed class CacheBuild : PipelineBuild
{
    public Func<IEnumerable<BuildAction>> Upstream = () => [];
    public Func<IEnumerable<BuildAction>> Downstream = () => [];
    public CacheGcReport? Collected;

    public Target Produce => _ => _.Actions(() => Upstream());
    public Target Consume => _ => _.DependsOn(Produce).Actions(() => Downstream());
    public Target Idle => _ => _.Executes(() => { });
    public Target Gc => _ => _.Executes(() =>
    {
        Collected = Cache.CollectGarbage();
        ReportSummary(Collected.ToString());
    });
}
