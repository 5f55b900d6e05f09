namespace Backtest.Targets;

/// <summary>A parameter could not be resolved: unknown name, wrong type, or a malformed source (names the source and position).</summary>
public sealed class ParameterException(string message) : BuildException(message);
