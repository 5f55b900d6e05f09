namespace Backtest.Cli.Tests;

using Backtest.Cli.Tests.Run;

/// <summary>A wrong command line exits 2 with the error and a usage line on stderr, before anything is read.</summary>
public sealed class UsageTests
{
    private static readonly string Here = Path.GetTempPath();

    [Theory]
    [InlineData(new string[0], "Required command was not provided.")]
    [InlineData(new[] { "runn" }, "Unrecognized command or argument 'runn'.")]
    [InlineData(new[] { "run", "--blueprint", "b.yaml" }, "Option '--bars' is required.")]
    [InlineData(new[] { "run", "--blueprint", "b.yaml", "--bars", "x.csv", "--capitl", "5" }, "Unrecognized command or argument '--capitl'.")]
    [InlineData(new[] { "run", "--blueprint", "b.yaml", "--bars", "x.csv", "--capital", "lots" }, "--capital must be a positive number, got 'lots'")]
    [InlineData(new[] { "run", "--blueprint", "b.yaml", "--bars", "x.csv", "--capital", "-5" }, "--capital must be a positive number, got '-5'")]
    [InlineData(new[] { "run", "--blueprint", "b.yaml", "--bars", "x.csv", "--leverage-cap", "0" }, "--leverage-cap must be a positive number, got '0'")]
    public void A_wrong_command_line_exits_2(string[] args, string error)
    {
        var run = CliRun.In(Here, args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"backtest: {error}\n", run.Error);
        Assert.EndsWith("usage: backtest run --blueprint FILE --bars FILE [--costs FILE] [--out DIR] [--capital AMOUNT] [--spec DIR] (see backtest run --help)\n", run.Error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Help_lists_the_options_and_exits_0()
    {
        var run = CliRun.In(Here, "run", "--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--blueprint", "--bars", "--costs", "--out", "--capital", "--spec", "--leverage-cap" })
            Assert.Contains(option, run.Out);
    }
}
