namespace Backtest.Targets.Tests;

/// <summary>X → Y → Z → X through DependsOn and After: the planner must refuse it.</summary>
public sealed class CycleBuild : PipelineBuild
{
    public Target W => _ => _.Executes(() => { });
    public Target X => _ => _.DependsOn(Y).Executes(() => { });
    public Target Y => _ => _.DependsOn(Z).Executes(() => { });
    public Target Z => _ => _.After(X).Executes(() => { });
}
