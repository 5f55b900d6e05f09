namespace Backtest.Targets;

/// <summary>
/// The runner's own command-line options (<c>--help</c>, <c>--plan</c>, <c>--skip</c>, <c>--force</c>,
/// <c>--no-cache</c>, <c>--root</c>, <c>--verbosity</c>, <c>--jobs</c>, <c>--target</c>). They come from the
/// command line only, so a stray environment variable can never change what a run does.
/// </summary>
internal sealed record RunnerOptions
{
    /// <summary>Name, shape and help text of each runner option, in help order.</summary>
    public static readonly IReadOnlyList<(string Name, OptionShape Shape, string Description)> All =
    [
        ("force", OptionShape.List, "Ignore cache hits: rerun the actions of the given targets (all planned targets when none are given)"),
        ("help", OptionShape.Flag, "Shows the help text for this build assembly"),
        ("jobs", OptionShape.Scalar, "Actions run in parallel within a target. Default is the processor count"),
        ("no-cache", OptionShape.Flag, "Run every action without reading or writing the action cache"),
        ("plan", OptionShape.Flag, "Shows what would run and why, per action; writes nothing"),
        ("root", OptionShape.Scalar, "Root directory during build execution"),
        ("skip", OptionShape.List, "List of targets to be skipped. Empty list skips all dependencies"),
        ("target", OptionShape.List, "List of targets to be invoked. Default is '{default_target}'"),
        ("verbosity", OptionShape.Scalar, "Logging verbosity during build execution. Default is 'Normal'"),
    ];

    public IReadOnlyList<string> Targets { get; init; } = [];
    public bool Help { get; init; }
    public bool Plan { get; init; }
    public IReadOnlyList<string>? Skip { get; init; }
    public IReadOnlyList<string>? Force { get; init; }
    public bool NoCache { get; init; }
    public string? Root { get; init; }
    public Verbosity Verbosity { get; init; } = Verbosity.Normal;
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Reads the runner options of a parsed command line.</summary>
    public static RunnerOptions From(CommandLine commandLine)
    {
        bool Flag(string key, string display)
        {
            var values = commandLine.Values(key);
            if (values is null) return false;
            if (values.Count == 0) return true;
            return values[0].Equals("true", StringComparison.OrdinalIgnoreCase) ? true
                : values[0].Equals("false", StringComparison.OrdinalIgnoreCase) ? false
                : throw new ParameterException($"Option --{display} takes true or false, not '{values[0]}'.");
        }

        var verbosity = Verbosity.Normal;
        if (commandLine.Values("verbosity") is [var level])
            verbosity = Enum.GetValues<Verbosity>().FirstOrDefault(v => v.ToString().Equals(level, StringComparison.OrdinalIgnoreCase), (Verbosity)(-1)) is var parsed && parsed >= 0
                ? parsed
                : throw new ParameterException($"Option --verbosity takes Quiet, Minimal, Normal or Verbose, not '{level}'.");
        var jobs = Environment.ProcessorCount;
        if (commandLine.Values("jobs") is [var jobsText])
            jobs = int.TryParse(jobsText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ParameterException($"Option --jobs takes a positive whole number, not '{jobsText}'.");
        return new RunnerOptions
        {
            Targets = [.. commandLine.Positional, .. commandLine.Values("target") ?? []],
            Help = Flag("help", "help"),
            Plan = Flag("plan", "plan"),
            Skip = commandLine.Values("skip"),
            Force = commandLine.Values("force"),
            NoCache = Flag("nocache", "no-cache"),
            Root = commandLine.Values("root") is [var root] ? root : null,
            Verbosity = verbosity,
            Jobs = jobs,
        };
    }
}
