namespace Backtest.Targets;

/// <summary>The target graph or the invocation is wrong: a cycle, an unknown target name, a bad definition.</summary>
public sealed class TargetDefinitionException(string message) : BuildException(message);
