namespace Backtest.Targets.Tests;

public sealed class ParameterTests : IDisposable
{
    private readonly ScratchRoot _root = new();

    public void Dispose() => _root.Dispose();

    private static string Value(ParameterBuild build, string member) =>
        ParameterValue.Canonical(typeof(ParameterBuild).GetField(member) is { } field ? field.GetValue(build) : typeof(ParameterBuild).GetProperty(member)!.GetValue(build));

    private (ParameterBuild Build, RunResult Result) Run(string[] cli, Dictionary<string, string>? env = null, string? json = null)
    {
        var file = _root[".nuke/parameters.json"];
        if (json is null) File.Delete(file);
        else File.WriteAllText(file, json);
        var build = new ParameterBuild();
        var result = Runs.Run(build, _root, ["Noop", .. cli], env);
        return (build, result);
    }

    /// <summary>Each source in turn must win over the ones below it: command line > environment > parameters.json > initializer.</summary>
    [Theory]
    [InlineData("Text", "--text cli", "TEXT", "env", "\"json\"", "cli", "env", "json", "init")]
    [InlineData("List", "--list a b", "LIST", "c d,e", "[\"f\", \"g\"]", "[\"a\",\"b\"]", "[\"c\",\"d\",\"e\"]", "[\"f\",\"g\"]", "[\"init\"]")]
    [InlineData("Flag", "--flag", "FLAG", "false", "true", "true", "false", "true", "false")]
    [InlineData("Number", "--number 1", "NUMBER", "2", "3", "1", "2", "3", "7")]
    [InlineData("Big", "--big 10000000000", "BIG", "20000000000", "30000000000", "10000000000", "20000000000", "30000000000", "7")]
    [InlineData("Ratio", "--ratio 0.25", "RATIO", "1e-3", "2.5", "0.25", "0.001", "2.5", "0.5")]
    [InlineData("Mode", "--mode fast", "MODE", "MEDIUM", "\"Turbo\"", "Fast", "Medium", "Turbo", "Slow")]
    [InlineData("Maybe", "--maybe 1", "MAYBE", "2", "3", "1", "2", "3", "null")]
    [InlineData("MaybeMode", "--maybe-mode fast", "MAYBE_MODE", "medium", "\"turbo\"", "Fast", "Medium", "Turbo", "null")]
    [InlineData("SimulationDays", "--sim-days 365", "SIM_DAYS", "100", "200", "365", "100", "200", "730")]
    [InlineData("Prop", "--prop cli", "PROP", "env", "\"json\"", "cli", "env", "json", "init")]
    public void Command_line_beats_environment_beats_parameters_file_beats_initializer(
        string member, string cli, string variable, string envValue, string jsonValue,
        string fromCli, string fromEnv, string fromJson, string fromInitializer)
    {
        var name = member == "SimulationDays" ? "simDays" : member;
        var json = $"{{\n  \"$schema\": \"./build.schema.json\",\n  \"{name}\": {jsonValue}\n}}\n";
        var env = new Dictionary<string, string> { [variable] = envValue };

        var all = Run(cli.Split(' '), env, json);
        Assert.True(all.Result.ExitCode == 0, all.Result.Output);
        Assert.Equal(fromCli, Value(all.Build, member));
        Assert.Equal(fromEnv, Value(Run([], env, json).Build, member));
        Assert.Equal(fromJson, Value(Run([], null, json).Build, member));
        Assert.Equal(fromInitializer, Value(Run([], null, null).Build, member));
    }

    [Theory]
    [InlineData("--SIM-DAYS")]
    [InlineData("--simdays")]
    [InlineData("--Sim-Days")]
    [InlineData("-sim-days")]
    public void Names_match_case_insensitively_with_dashes_ignored(string option)
    {
        var (build, result) = Run([option, "42"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(42, build.SimulationDays);
    }

    [Fact]
    public void Inline_values_and_negative_numbers_are_values()
    {
        var (build, _) = Run(["--number=-5", "--ratio", "-0.5"]);
        Assert.Equal(-5, build.Number);
        Assert.Equal(-0.5, build.Ratio);
    }

    [Fact]
    public void A_switch_does_not_swallow_a_following_target()
    {
        var build = new ParameterBuild();
        var result = Runs.Run(build, _root, ["--flag", "Noop"]);
        Assert.Equal(0, result.ExitCode);
        Assert.True(build.Flag);
        Assert.Equal("Succeeded", result.Status("Noop"));
    }

    [Fact]
    public void Unknown_options_fail_listing_the_known_ones()
    {
        var (_, result) = Run(["--nmber", "3"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Unknown option '--nmber' on the command line. Known options: --big, --flag, --force, --help, --jobs, --list, --maybe, --maybe-mode, --mode, --no-cache, --number, --plan, --prop, --ratio, --root, --sim-days, --skip, --target, --text, --verbosity.", result.Output);
    }

    [Theory]
    [InlineData(new[] { "--number", "abc" }, null, null, "Parameter --number from the command line: 'abc' is not a whole number (int).")]
    [InlineData(new[] { "--mode", "warp" }, null, null, "Parameter --mode from the command line: 'warp' is not one of Slow, Medium, Fast, Turbo.")]
    [InlineData(new[] { "--ratio", "0,5" }, null, null, "Parameter --ratio from the command line: '0,5' is not a number (double, invariant culture: 0.5).")]
    [InlineData(new[] { "--flag", "true", "--flag" }, null, null, "Option --flag is given twice on the command line")]
    [InlineData(new string[0], "NUMBER=x", null, "Parameter --number from environment variable NUMBER: 'x' is not a whole number (int).")]
    [InlineData(new string[0], null, "{\n  \"number\": \"x\"\n}", "Parameter --number from .nuke/parameters.json line 2, column 3: 'x' is not a whole number (int).")]
    [InlineData(new string[0], null, "{\n  \"$schema\": \"./build.schema.json\",\n  \"nmber\": 3\n}", ".nuke/parameters.json line 3, column 3: unknown parameter 'nmber'. Known parameters: Big, Flag, List, Maybe, MaybeMode, Mode, Number, Prop, Ratio, Text, sim-days.")]
    [InlineData(new string[0], null, "{\n  \"number\": 3,\n  \"text\": \n}", ".nuke/parameters.json line 4, column 1: not valid JSON ('}' is an invalid start of a value.)")]
    [InlineData(new string[0], null, "{\n  \"text\": {\"a\": 1}\n}", ".nuke/parameters.json line 2, column 3: parameter 'text' has an object value")]
    [InlineData(new string[0], "SIM_DAYS=1;SIMDAYS=2", null, "Parameter --sim-days is set by several environment variables (SIMDAYS, SIM_DAYS); unset all but one.")]
    public void Bad_values_fail_naming_the_source_and_position(string[] cli, string? env, string? json, string expected)
    {
        var variables = env?.Split(';').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var (_, result) = Run(cli, variables, json);
        Assert.Equal(1, result.ExitCode);
        Assert.True(result.Output.Contains(expected, StringComparison.Ordinal), result.Output);
    }

    [Fact]
    public void A_null_in_the_parameters_file_leaves_the_initializer()
    {
        var (build, result) = Run([], null, "{ \"number\": null }");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(7, build.Number);
    }

    [Fact]
    public void Unsupported_parameter_types_and_collisions_with_runner_options_are_errors()
    {
        var bad = Runs.Run(new BadTypeBuild(), _root, "Noop");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("Parameter BadTypeBuild.When has type DateTime; supported:", bad.Output);
        var clash = Runs.Run(new CollidingBuild(), _root, "Noop");
        Assert.Equal(1, clash.ExitCode);
        Assert.Contains("Parameter Plan collides with the runner option --plan; rename it.", clash.Output);
    }

    [Theory]
    [InlineData("SimDays", "sim-days")]
    [InlineData("HTTPPort", "http-port")]
    [InlineData("Symbols", "symbols")]
    [InlineData("Max2Days", "max2-days")]
    [InlineData("sim-days", "sim-days")]
    public void Dashed_names_split_camel_humps(string name, string dashed) =>
        Assert.Equal(dashed, ParameterNames.Dashed(name));

    [Theory]
    [InlineData(null, "null")]
    [InlineData("BTCUSDT", "BTCUSDT")]
    [InlineData(true, "true")]
    [InlineData(730, "730")]
    [InlineData(730L, "730")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-7, "1E-07")]
    [InlineData(Mode.Fast, "Fast")]
    [InlineData(new[] { "BTCUSDT", "ETHUSDT" }, "[\"BTCUSDT\",\"ETHUSDT\"]")]
    public void Canonical_parameter_values_are_culture_free_and_stable(object? value, string expected) =>
        Assert.Equal(expected, ParameterValue.Canonical(value));
}
