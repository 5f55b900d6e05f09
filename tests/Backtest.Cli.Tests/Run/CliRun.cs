namespace Backtest.Cli.Tests.Run;

/// <summary>The `backtest` command line run in-process, its console captured.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun In(string currentDirectory, params string[] args) => In(currentDirectory, false, args);

    public static CliRun In(string currentDirectory, bool interactive, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = BacktestCommandLine.Run(args, new CliEnvironment(output, error, currentDirectory, interactive));
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
