using System.CommandLine;
using Backtest.Cli.Run;

namespace Backtest.Cli;

/// <summary>
/// The `backtest` command line (System.CommandLine 2.0): its commands, and the exit code contract: 0 success, 1 bad
/// input, 2 usage (unknown command or option, missing or malformed value; the errors and a pointer to --help on stderr),
/// 3 a bug (the exception on stderr).
/// </summary>
public static class BacktestCommandLine
{
    /// <summary>The root command with every subcommand.</summary>
    public static RootCommand Create(CliEnvironment env) =>
        new("backtest: research pipeline front door; `backtest run` runs one blueprint over a bars file")
        {
            RunCommand.Create(env),
        };

    /// <summary>Parses <paramref name="args"/> and runs the command they name; returns the process exit code.</summary>
    public static int Run(string[] args, CliEnvironment env)
    {
        var root = Create(env);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) env.Error.WriteLine($"backtest: {error.Message}");
            env.Error.WriteLine("usage: backtest run --blueprint FILE --bars FILE [--costs FILE] [--out DIR] [--capital AMOUNT] [--spec DIR] (see backtest run --help)");
            return ExitCodes.Usage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            env.Error.WriteLine($"backtest: internal error (a bug, not your input; please report it with this text): {e}");
            return ExitCodes.InternalError;
        }
    }
}
