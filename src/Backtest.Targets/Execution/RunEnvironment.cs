namespace Backtest.Targets;

/// <summary>Everything a run takes from its process (arguments, environment, console, Ctrl-C), injectable for tests.</summary>
internal sealed record RunEnvironment
{
    public required IReadOnlyList<string> Args { get; init; }
    public required IReadOnlyDictionary<string, string> Environment { get; init; }
    public required string WorkingDirectory { get; init; }
    public required TextWriter Console { get; init; }
    public bool Color { get; init; }
    public CancellationToken Cancellation { get; init; }

    /// <summary>How the run was invoked, written into the lock's owner file.</summary>
    public string Command { get; init; } = "build";

    /// <summary>Where to look for <c>.nuke/</c> when the working directory is outside the repository (the build's own folder).</summary>
    public string? FallbackSearchStart { get; init; }
}
