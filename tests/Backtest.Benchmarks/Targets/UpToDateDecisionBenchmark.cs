using System.Globalization;
using BenchmarkDotNet.Attributes;
using Backtest.Targets;

namespace Backtest.Benchmarks.Targets;

/// <summary>
/// The cost of an up-to-date target: 5,000 actions (one spec, one upstream input, one output each) whose records and
/// outputs are intact. Measures what a no-op rerun pays per target: loading the stat cache and last-key index,
/// validating and linking the action graph, computing 5,000 keys and checking 5,000 records against the outputs.
/// Run: <c>dotnet run -c Release --project tests/Backtest.Benchmarks -- --filter '*UpToDateDecision*'</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 12)]
public class UpToDateDecisionBenchmark
{
    private const int Actions = 5_000;
    private string _root = "";
    private BuildAction[] _actions = [];

    [Params(1, 2)]
    public int Jobs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "bt-bench-uptodate-" + Environment.ProcessId);
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        Directory.CreateDirectory(Path.Combine(_root, "spec"));
        var old = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < Actions / 100; i++)
        {
            var spec = Path.Combine(_root, "spec", $"feature_{i}.yaml");
            File.WriteAllText(spec, $"op: zscore\nwindow: {i + 10}\n");
            File.SetLastWriteTimeUtc(spec, old);
        }
        var inputs = Path.Combine(_root, "data", "lake", "cleaned");
        Directory.CreateDirectory(inputs);
        for (var s = 0; s < 50; s++)
        {
            var bars = Path.Combine(inputs, $"S{s}.parquet");
            File.WriteAllBytes(bars, new byte[64 * 1024]);
            File.SetLastWriteTimeUtc(bars, old);
        }
        _actions = Enumerable.Range(0, Actions).Select(Action).ToArray();

        // Run once to record every action, age every file past the stat cache's racy window, run again to remember them.
        Decide(jobs: 2);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_root, "data"), "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(file, old);
        Decide(jobs: 2);
        var check = Decide(jobs: 2);
        if (check.Any(r => r.Outcome != ActionOutcome.UpToDate))
            throw new InvalidOperationException("setup did not reach an up-to-date state");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    public int Decide5000UpToDateActions() => Decide(Jobs).Count;

    private IReadOnlyList<ActionResult> Decide(int jobs)
    {
        var cache = new ActionCache(_root, Path.Combine(_root, "data"), readOnly: false);
        using var log = new BuildLog(TextWriter.Null, color: false, Verbosity.Quiet);
        var engine = new ActionEngine(_root, cache, log, jobs, noCache: false);
        var results = engine.Run(ActionGraph.Build("Features", _actions, "data"), forced: false, CancellationToken.None);
        cache.Flush();
        return results;
    }

    private BuildAction Action(int i)
    {
        var symbol = $"S{i % 50}";
        var feature = $"feature_{i / 50}";
        var output = $"data/lake/features/{symbol}/{feature}.parquet";
        return new BuildAction
        {
            Partition = $"{symbol}/{feature}",
            Code = [typeof(UpToDateDecisionBenchmark).Assembly],
            Parameters = new Dictionary<string, string> { ["timeframe"] = "5m" },
            Specs = [$"spec/feature_{i % (Actions / 100)}.yaml"],
            Inputs = [$"data/lake/cleaned/{symbol}.parquet"],
            Outputs = [output],
            Run = ctx => File.WriteAllText(ctx.OutputPath(output), i.ToString(CultureInfo.InvariantCulture)),
        };
    }
}
