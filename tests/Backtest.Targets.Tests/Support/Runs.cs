namespace Backtest.Targets.Tests;

/// <summary>Runs a build in-process against a temp root, capturing the console.</summary>
public static class Runs
{
    public static RunResult Run(PipelineBuild build, ScratchRoot root, params string[] args) =>
        Run(build, root, args, environment: null);

    public static RunResult Run(PipelineBuild build, ScratchRoot root, string[] args, IReadOnlyDictionary<string, string>? environment,
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
