namespace Backtest.Cli.Run;

/// <summary>A run that cannot start for a reason outside any one file (no cost file found, a spec folder that is not one).</summary>
public sealed class RunInputException(string message) : Exception(message);
