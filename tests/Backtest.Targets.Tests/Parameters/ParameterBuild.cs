namespace Backtest.Targets.Tests;

/// <summary>One parameter of every supported type, each with a distinct initializer.</summary>
public sealed class ParameterBuild : PipelineBuild
{
    [Parameter("Free text")] public string Text = "init";
    [Parameter("A list")] public string[] List = ["init"];
    [Parameter("A switch")] public bool Flag;
    [Parameter("An int")] public int Number = 7;
    [Parameter("A long")] public long Big = 7;
    [Parameter("A double")] public double Ratio = 0.5;
    [Parameter("An enum")] public Mode Mode = Mode.Slow;
    [Parameter("A nullable int")] public int? Maybe;
    [Parameter("A nullable enum")] public Mode? MaybeMode;
    [Parameter("Renamed", Name = "sim-days")] public int SimulationDays = 730;
    [Parameter("A property")] public string Prop { get; init; } = "init";

    public Target Noop => _ => _.Executes(() => { });
}
