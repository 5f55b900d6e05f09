namespace Backtest.Targets.Tests;

/// <summary>The outcome of one in-process run.</summary>
public sealed record RunResult(int ExitCode, string Output)
{
    /// <summary>The summary-table row of a target ("Squares            UpToDate      &lt; 1sec   // up to date 5").</summary>
    public string Row(string target) =>
        Output.Split('\n').LastOrDefault(l => l.StartsWith(target + " ", StringComparison.Ordinal) && (l.Contains("Succeeded") || l.Contains("UpToDate") || l.Contains("Restored") || l.Contains("Failed") || l.Contains("Skipped") || l.Contains("NotRun") || l.Contains("Aborted")))
        ?? throw new Xunit.Sdk.XunitException($"no summary row for {target} in:\n{Output}");

    /// <summary>The status word of a target in the summary table.</summary>
    public string Status(string target) => Row(target)[(target.Length)..].Trim().Split(' ')[0];
}

/// <summary>Runs a build in-process against a temp root, capturing the console.</summary>
public static class Runs
{
    public static RunResult Run(PipelineBuild build, TempRoot root, params string[] args) =>
        Run(build, root, args, environment: null);

    public static RunResult Run(PipelineBuild build, TempRoot root, string[] args, IReadOnlyDictionary<string, string>? environment,
        CancellationToken cancellation = default, string[]? defaults = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        var code = BuildRunner.Run(build, defaults ?? [], new RunEnvironment
        {
            Args = [.. args, "--root", root.Path],
            Environment = environment ?? new Dictionary<string, string>(),
            WorkingDirectory = root.Path,
            Console = TextWriter.Synchronized(output),
            Cancellation = cancellation,
            Command = "test " + string.Join(' ', args),
        });
        return new RunResult(code, output.ToString());
    }
}
