namespace Backtest.Targets.Tests;

/// <summary>A target depending on itself.</summary>
public sealed class SelfBuild : PipelineBuild
{
    public Target Loop => _ => _.DependsOn(Loop).Executes(() => { });
}
