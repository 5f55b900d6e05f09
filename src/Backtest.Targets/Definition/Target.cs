namespace Backtest.Targets;

/// <summary>A target as NUKE declares it (<c>Target Clean => _ => _.Executes(...)</c>): a function that configures its own definition.</summary>
public delegate ITargetDefinition Target(ITargetDefinition _);
