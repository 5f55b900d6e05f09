using Backtest.Targets;

/// <summary>PLACEHOLDER parameters of the toy graph (resolved from --count, COUNT, .nuke/parameters.json, then these initializers).</summary>
partial class Build
{
    [Parameter("How many squares the toy targets compute")]
    readonly int Count = 5;

    [Parameter("Who Hello greets")]
    readonly string Name = "world";

    [Parameter("Milliseconds each square waits (to try Ctrl-C)")]
    readonly int DelayMs;
}
