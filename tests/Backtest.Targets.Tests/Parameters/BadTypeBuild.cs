namespace Backtest.Targets.Tests;

/// <summary>A parameter of an unsupported type.</summary>
public sealed class BadTypeBuild : PipelineBuild
{
    [Parameter("when")] public DateTime When;
    public Target Noop => _ => _.Executes(() => { });
}
