namespace Backtest.Targets;

/// <summary>A planned target's <c>Requires</c> does not hold; raised before anything runs.</summary>
public sealed class RequirementException(string message) : BuildException(message);
