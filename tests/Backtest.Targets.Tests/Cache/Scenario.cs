using System.Collections.Concurrent;

namespace Backtest.Targets.Tests;

/// <summary>A temp root plus the actions of the two targets, rerun as often as a test needs; records which actions ran.</summary>
public sealed class Scenario : IDisposable
{
    public ScratchRoot Root { get; } = new();
    public ConcurrentQueue<string> Ran { get; } = new();
    public Func<IEnumerable<BuildAction>> Upstream { get; set; } = () => [];
    public Func<IEnumerable<BuildAction>> Downstream { get; set; } = () => [];

    public RunResult Run(params string[] args) => Run(args, CancellationToken.None);

    public RunResult Run(string[] args, CancellationToken cancellation)
    {
        var build = new CacheBuild { Upstream = Upstream, Downstream = Downstream };
        return Runs.Run(build, Root, args.Length == 0 ? ["Consume"] : args, null, cancellation);
    }

    /// <summary>Runs and asserts success, returning the labels of the actions that ran, in completion order.</summary>
    public IReadOnlyList<string> RunOk(params string[] args)
    {
        Ran.Clear();
        var result = Run(args);
        Assert.True(result.ExitCode == 0, result.Output);
        return [.. Ran];
    }

    /// <summary>An action that reads its spec (if any) and inputs, and writes <paramref name="transform"/> of their text to each output.</summary>
    public BuildAction Transform(string target, string partition, string? spec, string[] inputs, string[] outputs,
        Func<string, string> transform, IReadOnlyDictionary<string, string>? parameters = null, string[]? ownedFolders = null)
    {
        return new BuildAction
        {
            Partition = partition,
            Code = [typeof(Scenario).Assembly],
            Parameters = parameters ?? new Dictionary<string, string>(),
            Specs = spec is null ? [] : [spec],
            Inputs = inputs,
            Outputs = outputs,
            OwnedFolders = ownedFolders ?? [],
            Run = ctx =>
            {
                Ran.Enqueue($"{target}[{partition}]");
                var text = string.Concat((spec is null ? inputs : [spec, .. inputs]).Select(p => File.ReadAllText(ctx.InputPath(p))));
                foreach (var output in outputs) File.WriteAllText(ctx.OutputPath(output), transform(text));
                ctx.Info = $"{text.Length} chars";
            },
        };
    }

    /// <summary>Record files in data/cache/actions.</summary>
    public IReadOnlyList<string> Records() => Root.Files("data/cache/actions");

    /// <summary>Every temporary file under the root.</summary>
    public IReadOnlyList<string> Temporaries() => [.. Root.Files().Where(f => f.EndsWith(".bt-tmp", StringComparison.Ordinal))];

    public void Dispose() => Root.Dispose();
}
