namespace Backtest.Targets.Tests;

/// <summary>A build of uncached targets that record the order they ran in.</summary>
public sealed class GraphBuild : PipelineBuild
{
    public readonly List<string> Ran = [];

    [Parameter("Symbols to process")] public string[]? Symbols;
    [Parameter("A count")] public int Count;
    [Parameter("Static switch")] public bool Enabled = true;

    public Target A => _ => _.Description("first").Executes(() => Ran.Add("A"));
    public Target B => _ => _.DependsOn(A).Executes(() => Ran.Add("B"));
    public Target C => _ => _.Executes(() => Ran.Add("C"));
    public Target D => _ => _.After(C).Executes(() => Ran.Add("D"));
    public Target E => _ => _.Before(A).Executes(() => Ran.Add("E"));
    public Target F => _ => _.Triggers(G).Executes(() => Ran.Add("F"));
    public Target G => _ => _.Executes(() => Ran.Add("G"));
    public Target Group => _ => _.DependsOn(B, C);
    public Target Hidden => _ => _.Unlisted().Executes(() => Ran.Add("Hidden"));
    public Target Static => _ => _.DependsOn(A).OnlyWhenStatic(() => Ran.Contains("A")).Executes(() => Ran.Add("Static"));
    public Target Dynamic => _ => _.DependsOn(A).OnlyWhenDynamic(() => Ran.Contains("A")).Executes(() => Ran.Add("Dynamic"));
    public Target Switched => _ => _.OnlyWhenStatic(() => Enabled).Executes(() => Ran.Add("Switched"));
    public Target NeedsSymbols => _ => _.Requires(() => Symbols).Executes(() => Ran.Add("NeedsSymbols"));
    public Target NeedsCount => _ => _.Requires(() => Count > 0).Executes(() => Ran.Add("NeedsCount"));
    public Target UsesCount => _ => _.DependsOn(NeedsCount).Executes(() => Ran.Add("UsesCount"));
    public Target Fail => _ => _.Executes(() => throw new InvalidOperationException("the step broke", new IOException("disk said no")));
    public Target Tolerant => _ => _.ProceedAfterFailure().Executes(() => throw new InvalidOperationException("tolerated failure"));
    public Target AfterFail => _ => _.After(Fail, Tolerant).Executes(() => Ran.Add("AfterFail"));
    public Target NeedsTolerant => _ => _.DependsOn(Tolerant).Executes(() => Ran.Add("NeedsTolerant"));
}
