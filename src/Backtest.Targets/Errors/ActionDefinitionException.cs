namespace Backtest.Targets;

/// <summary>A target's actions are inconsistent: duplicate partitions or outputs, bad paths, a cycle between actions.</summary>
public sealed class ActionDefinitionException(string message) : BuildException(message);
