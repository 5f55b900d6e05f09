namespace Backtest.Cli;

/// <summary>The `backtest` executable's entry point.</summary>
public static class Program
{
    /// <summary>Runs the command line against the real console and working folder.</summary>
    public static int Main(string[] args) => BacktestCommandLine.Run(args, CliEnvironment.FromConsole());
}
