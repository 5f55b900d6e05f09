using System.Collections.Concurrent;

namespace Backtest.Targets.Tests;

/// <summary>Intra-target DAG, parallelism, owned folders, crash recovery, the lock, cancellation and logs.</summary>
public sealed class ExecutionTests : IDisposable
{
    private readonly Scenario _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public void Actions_of_one_target_run_as_a_DAG_consumers_wait_for_producers()
    {
        _s.Root.Write("spec/base.txt", "1");
        var order = new ConcurrentQueue<string>();
        BuildAction Step(string name, string input, string output) => new()
        {
            Partition = name,
            Code = [typeof(ExecutionTests).Assembly],
            Inputs = [input],
            Outputs = [output],
            Run = ctx =>
            {
                var text = File.ReadAllText(ctx.InputPath(input));
                Thread.Sleep(30);
                File.WriteAllText(ctx.OutputPath(output), text + name);
                order.Enqueue(name);
            },
        };
        // Declared consumers first: only the dependency edges can order them correctly.
        _s.Upstream = () =>
        [
            Step("c", "data/f/b.txt", "data/f/c.txt"),
            Step("b", "data/f/a.txt", "data/f/b.txt"),
            Step("x", "spec/base.txt", "data/f/x.txt"),
            Step("a", "spec/base.txt", "data/f/a.txt"),
        ];
        var result = _s.Run("Produce", "--jobs", "4");
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("1abc", _s.Root.Read("data/f/c.txt"));
        var list = order.ToList();
        Assert.True(list.IndexOf("a") < list.IndexOf("b") && list.IndexOf("b") < list.IndexOf("c"), string.Join(",", list));
    }

    [Fact]
    public void Independent_actions_run_in_parallel_up_to_jobs()
    {
        var running = 0;
        var peak = 0;
        _s.Upstream = () => Enumerable.Range(0, 6).Select(i => new BuildAction
        {
            Partition = $"p{i}",
            Code = [typeof(ExecutionTests).Assembly],
            Outputs = [$"data/p/{i}.txt"],
            Run = ctx =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                Thread.Sleep(150);
                Interlocked.Decrement(ref running);
                File.WriteAllText(ctx.OutputPath($"data/p/{i}.txt"), "x");
            },
        });
        Assert.Equal(0, _s.Run("Produce", "--jobs", "3").ExitCode);
        Assert.InRange(peak, 2, 3);
        peak = 0;
        Assert.Equal(0, _s.Run("Produce", "--jobs", "1", "--force").ExitCode);
        Assert.Equal(1, peak);
    }

    [Fact]
    public void Owned_folders_collect_written_files_drop_stale_ones_and_restore_exact_contents()
    {
        var files = new[] { "one", "two" };
        _s.Upstream = () =>
        [
            new BuildAction
            {
                Partition = "w1",
                Code = [typeof(ExecutionTests).Assembly],
                Parameters = new Dictionary<string, string> { ["files"] = string.Join(",", files) },
                OwnedFolders = ["data/reports/w1"],
                Run = ctx =>
                {
                    foreach (var name in files) File.WriteAllText(ctx.OutputPath($"data/reports/w1/{name}.json"), name);
                },
            },
        ];
        _s.RunOk("Produce");
        Assert.Equal(["data/reports/w1/one.json", "data/reports/w1/two.json"], _s.Root.Files("data/reports/w1"));

        files = ["one"];
        _s.RunOk("Produce");
        Assert.Equal(["data/reports/w1/one.json"], _s.Root.Files("data/reports/w1"));

        _s.Root.Write("data/reports/w1/stray.json", "left by hand");
        var restored = _s.Run("Produce");
        Assert.Equal("Restored", restored.Status("Produce"));
        Assert.Contains("stale files in owned folder → Restore: data/reports/w1/stray.json", restored.Output);
        Assert.Equal(["data/reports/w1/one.json"], _s.Root.Files("data/reports/w1"));

        files = ["one", "two"];
        _s.Ran.Clear();
        var reverted = _s.Run("Produce");
        Assert.Equal("Restored", reverted.Status("Produce"));
        Assert.Equal(["data/reports/w1/one.json", "data/reports/w1/two.json"], _s.Root.Files("data/reports/w1"));
        Assert.Equal("two", _s.Root.Read("data/reports/w1/two.json"));
    }

    [Fact]
    public void An_output_inside_another_actions_owned_folder_is_rejected()
    {
        _s.Upstream = () =>
        [
            new BuildAction { Partition = "owner", Code = [typeof(ExecutionTests).Assembly], OwnedFolders = ["data/r"], Run = _ => { } },
            new BuildAction { Partition = "intruder", Code = [typeof(ExecutionTests).Assembly], Outputs = ["data/r/x.txt"], Run = _ => { } },
        ];
        var result = _s.Run("Produce");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Produce[intruder] writes 'data/r/x.txt' inside 'data/r', a folder owned by Produce[owner].", result.Output);
    }

    [Fact]
    public void Temporary_files_of_a_killed_run_are_swept_at_the_next_run_start()
    {
        _s.Root.Write("data/lake/raw/.klines.parquet.4242-7.bt-tmp", "half a file");
        _s.Root.Write("data/cache/cas/ab/.abcdef.4242-8.bt-tmp", "half a blob");
        _s.Root.Write("data/lake/raw/klines.parquet", "a real file");
        var result = _s.Run("Gc");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Removed 2 temporary file(s) left by an interrupted run: data/cache/cas/ab/.abcdef.4242-8.bt-tmp, data/lake/raw/.klines.parquet.4242-7.bt-tmp", result.Output);
        Assert.Empty(_s.Temporaries());
        Assert.Equal("a real file", _s.Root.Read("data/lake/raw/klines.parquet"));
    }

    [Fact]
    public void A_second_pipeline_on_the_same_data_folder_fails_fast_naming_the_holder()
    {
        _s.Upstream = () => [new BuildAction { Partition = "p", Code = [typeof(ExecutionTests).Assembly], Outputs = ["data/p.txt"], Run = ctx => File.WriteAllText(ctx.OutputPath("data/p.txt"), "p") }];
        using (PipelineLock.Acquire(_s.Root["data"], "build Walkforward --symbols BTCUSDT", new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero)))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var result = _s.Run("Produce");
            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"pipeline.lock: PID {Environment.ProcessId} on {Environment.MachineName}, running `build Walkforward --symbols BTCUSDT` since 2025-01-02T03:04:05Z.", result.Output);
            Assert.DoesNotContain("Target ", result.Output.Replace("Targets", ""));
            Assert.False(_s.Root.Exists("data/p.txt"));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));

            // Uncached steps that never touch the data folder (tests, certification) are not blocked …
            Assert.Equal(0, _s.Run("Idle").ExitCode);
            // … but one that uses the cache takes the lock when it does, and fails naming the holder.
            var gc = _s.Run("Gc");
            Assert.Equal(1, gc.ExitCode);
            Assert.Contains("running `build Walkforward --symbols BTCUSDT`", gc.Output);
        }
        Assert.Equal(0, _s.Run("Produce").ExitCode);
        Assert.Equal(0, _s.Run("Gc").ExitCode);
        Assert.False(_s.Root.Exists("data/runtime/pipeline.lock.owner.json"));
    }

    [Fact]
    public async Task Ctrl_C_cancels_running_actions_discards_their_output_and_reports_Aborted()
    {
        using var started = new ManualResetEventSlim();
        using var abort = new CancellationTokenSource();
        var observed = false;
        _s.Upstream = () =>
        [
            new BuildAction
            {
                Partition = "slow",
                Code = [typeof(ExecutionTests).Assembly],
                Outputs = ["data/slow.txt"],
                Run = ctx =>
                {
                    using (var writer = File.CreateText(ctx.OutputPath("data/slow.txt"))) writer.Write("partial");
                    started.Set();
                    observed = ctx.Cancellation.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
                    ctx.Cancellation.ThrowIfCancellationRequested();
                },
            },
        ];
        _s.Downstream = () => [_s.Transform("Consume", "c", null, ["data/slow.txt"], ["data/c.txt"], t => t)];
        var run = Task.Run(() => _s.Run(["Consume"], abort.Token));
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));
        abort.Cancel();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(observed);
        Assert.Equal(130, result.ExitCode);
        Assert.Equal("Aborted", result.Status("Produce"));
        Assert.Equal("NotRun", result.Status("Consume"));
        Assert.Contains("aborted   Produce[slow]", result.Output);
        Assert.False(_s.Root.Exists("data/slow.txt"));
        Assert.Empty(_s.Temporaries());
        Assert.Empty(_s.Records());
        Assert.False(_s.Root.Exists("data/runtime/pipeline.lock.owner.json"));
    }

    [Fact]
    public void Verbosity_levels_and_the_log_file()
    {
        _s.Root.Write("spec/a.yaml", "a");
        _s.Upstream = () => [_s.Transform("Produce", "a", "spec/a.yaml", [], ["data/a.txt"], t => t), _s.Transform("Produce", "b", "spec/a.yaml", [], ["data/b.txt"], t => t)];

        var normal = _s.Run("Produce");
        Assert.Contains("║ Produce", normal.Output);
        Assert.Matches(@"  ran       Produce\[a\]  \d+ ms · 1 chars · no record", normal.Output);
        Assert.Equal(normal.Output.Replace("\r", ""), _s.Root.Read(".nuke/temp/build.log").Replace("\r", ""));

        var upToDate = _s.Run("Produce");
        Assert.Contains("  2 up to date", upToDate.Output);
        Assert.DoesNotContain("up to date Produce[a]", upToDate.Output);

        var verbose = _s.Run("Produce", "--verbosity", "verbose");
        Assert.Contains("  up to date Produce[a] · 1 chars", verbose.Output);

        _s.Root.Write("spec/a.yaml", "b");
        var quiet = _s.Run("Produce", "--verbosity", "quiet");
        Assert.DoesNotContain("║ Produce", quiet.Output);
        Assert.DoesNotContain("ran       Produce", quiet.Output);
        Assert.Contains("Produce            Succeeded", quiet.Output);
        Assert.Contains("// ran 2", quiet.Row("Produce"));

        _s.Root.Write("spec/a.yaml", "c");
        var minimal = _s.Run("Produce", "--verbosity", "minimal");
        Assert.Contains("║ Produce", minimal.Output);
        Assert.DoesNotContain("ran       Produce", minimal.Output);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
