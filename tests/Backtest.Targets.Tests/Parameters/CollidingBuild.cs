namespace Backtest.Targets.Tests;

/// <summary>A parameter named like a runner option.</summary>
public sealed class CollidingBuild : PipelineBuild
{
    [Parameter("clashes with --plan")] public bool Plan;
    public Target Noop => _ => _.Executes(() => { });
}
