using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Backtest.Cli.Output;
using Backtest.Lake.Files;

namespace Backtest.Cli.Run;

/// <summary>
/// `backtest run`: one blueprint over one bars file, a printed summary, trades.csv and equity.csv written atomically
/// into the output folder, nothing written when anything fails.
/// </summary>
public static class RunCommand
{
    /// <summary>The command with its options; the action runs against <paramref name="env"/>.</summary>
    public static Command Create(CliEnvironment env)
    {
        var blueprint = new Option<string>("--blueprint") { Description = "Blueprint file: YAML written by hand or JSON from the Blueprints stage", Required = true, HelpName = "FILE" };
        var bars = new Option<string>("--bars") { Description = "Bars: CSV (time = bar open, ISO-8601 UTC or epoch ms; open, high, low, close, volume) or a lake bars/klines Parquet file", Required = true, HelpName = "FILE" };
        var costs = new Option<string?>("--costs") { Description = "Cost file (default: costs.yaml in the spec folder)", HelpName = "FILE" };
        var output = new Option<string?>("--out") { Description = "Output folder (default: ./backtest-out/<blueprint id>)", HelpName = "DIR" };
        var capital = new Option<double>("--capital")
        {
            Description = "Starting equity in quote currency", DefaultValueFactory = _ => 100_000, HelpName = "AMOUNT",
            CustomParser = r => Positive(r, "--capital", allowInfinity: false),
        };
        var spec = new Option<string?>("--spec") { Description = "Spec folder with features/ and events/ (default: <repository root>/spec, the root being the nearest folder upwards holding .nuke/)", HelpName = "DIR" };
        var leverage = new Option<double>("--leverage-cap")
        {
            Description = "Gross leverage cap of the risk allocator: gross notional / equity (Infinity: no cap)", DefaultValueFactory = _ => double.PositiveInfinity, HelpName = "X",
            CustomParser = r => Positive(r, "--leverage-cap", allowInfinity: true),
        };

        var command = new Command("run", "Run one blueprint over a bars file: print a summary, write trades.csv and equity.csv")
        {
            blueprint, bars, costs, output, capital, spec, leverage,
        };
        command.SetAction(parse => Execute(new RunOptions(
            parse.GetRequiredValue(blueprint), parse.GetRequiredValue(bars), parse.GetValue(costs), parse.GetValue(output),
            parse.GetValue(capital), parse.GetValue(spec), parse.GetValue(leverage)), env));
        return command;
    }

    private static double Positive(ArgumentResult result, string option, bool allowInfinity)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && (allowInfinity || double.IsFinite(value)))
            return value;
        result.AddError($"{option} must be a positive number, got '{text}'");
        return default;
    }

    /// <summary>Runs, writes and prints; returns the exit code (bad input: one paragraph on stderr, nothing written).</summary>
    public static int Execute(RunOptions options, CliEnvironment env)
    {
        RunOutcome outcome;
        try
        {
            outcome = BacktestRun.Execute(options, env);
            Write(outcome);
        }
        catch (Exception e) when (BadInput.Is(e))
        {
            env.Error.WriteLine(BadInput.Describe(e));
            return ExitCodes.BadInput;
        }
        RunSummary.Print(outcome, env.Out, env.Interactive);
        return ExitCodes.Success;
    }

    private static void Write(RunOutcome outcome)
    {
        Directory.CreateDirectory(outcome.OutputFolder);
        AtomicFile.Write(Path.Combine(outcome.OutputFolder, "trades.csv"), s => TradesCsv.Write(s, outcome.Result));
        AtomicFile.Write(Path.Combine(outcome.OutputFolder, "equity.csv"), s => EquityCsv.Write(s, outcome.Bars.Ts, outcome.Result.Ledger));
    }
}
