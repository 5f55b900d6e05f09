namespace Backtest.Targets.Tests;

/// <summary>An enum parameter type for the precedence tests.</summary>
public enum Mode { Slow, Medium, Fast, Turbo }
