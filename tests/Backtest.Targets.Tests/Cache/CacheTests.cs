namespace Backtest.Targets.Tests;

/// <summary>UpToDate / Restored / Run decisions, restore after revert, early cutoff, owned folders, failures, GC.</summary>
public sealed class CacheTests : IDisposable
{
    private readonly Scenario _s = new();

    public CacheTests()
    {
        _s.Root.Write("spec/a.yaml", "alpha: 1\n");
        _s.Root.Write("spec/b.yaml", "beta: 2\n");
        _s.Upstream = () =>
        [
            _s.Transform("Produce", "a", "spec/a.yaml", [], ["data/up/a.txt"], t => t.ToUpperInvariant()),
            _s.Transform("Produce", "b", "spec/b.yaml", [], ["data/up/b.txt"], t => t.ToUpperInvariant()),
        ];
        _s.Downstream = () => [_s.Transform("Consume", "ab", null, ["data/up/a.txt", "data/up/b.txt"], ["data/down/ab.txt"], t => $"[{t}]")];
    }

    public void Dispose() => _s.Dispose();

    [Fact]
    public void A_second_run_is_up_to_date_and_runs_nothing()
    {
        Assert.Equal(["Consume[ab]", "Produce[a]", "Produce[b]"], _s.RunOk().Order());
        Assert.Equal("[ALPHA: 1\nBETA: 2\n]", _s.Root.Read("data/down/ab.txt"));
        Assert.Equal(3, _s.Records().Count);

        _s.Ran.Clear();
        var second = _s.Run();
        Assert.Empty(_s.Ran);
        Assert.Equal("UpToDate", second.Status("Produce"));
        Assert.Contains("// up to date 2", second.Row("Produce"));
        Assert.Equal("UpToDate", second.Status("Consume"));
        Assert.Contains("  2 up to date", second.Output);
    }

    [Fact]
    public void Missing_or_changed_outputs_are_restored_from_the_blob_store_without_running()
    {
        _s.RunOk();
        File.Delete(_s.Root["data/up/a.txt"]);
        File.Delete(_s.Root["data/down/ab.txt"]);                 // replaced (a new file), not edited in place
        _s.Root.Write("data/down/ab.txt", "tampered");
        _s.Ran.Clear();
        var result = _s.Run();
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(_s.Ran);
        Assert.Equal("ALPHA: 1\n", _s.Root.Read("data/up/a.txt"));
        Assert.Equal("[ALPHA: 1\nBETA: 2\n]", _s.Root.Read("data/down/ab.txt"));
        Assert.Equal("Restored", result.Status("Produce"));
        Assert.Contains("// restored 1, up to date 1", result.Row("Produce"));
        Assert.Equal("Restored", result.Status("Consume"));
        Assert.Contains("outputs missing → Restore: data/up/a.txt", result.Output);
        Assert.Contains("outputs changed → Restore: data/down/ab.txt", result.Output);
    }

    [Fact]
    public void Reverting_a_spec_edit_restores_the_old_outputs_instead_of_recomputing()
    {
        _s.RunOk();
        _s.Root.Write("spec/a.yaml", "alpha: 100\n");
        Assert.Equal(["Consume[ab]", "Produce[a]"], _s.RunOk().Order());
        Assert.Equal("[ALPHA: 100\nBETA: 2\n]", _s.Root.Read("data/down/ab.txt"));

        _s.Root.Write("spec/a.yaml", "alpha: 1\n");
        _s.Ran.Clear();
        var reverted = _s.Run();
        Assert.Empty(_s.Ran);
        Assert.Equal("[ALPHA: 1\nBETA: 2\n]", _s.Root.Read("data/down/ab.txt"));
        Assert.Equal("Restored", reverted.Status("Produce"));
        Assert.Equal("Restored", reverted.Status("Consume"));
    }

    [Fact]
    public void Early_cutoff_an_action_rewriting_identical_bytes_does_not_rerun_its_consumer()
    {
        _s.Upstream = () =>
        [
            _s.Transform("Produce", "a", "spec/a.yaml", [], ["data/up/a.txt"], t => t.Trim().ToUpperInvariant()),
            _s.Transform("Produce", "b", "spec/b.yaml", [], ["data/up/b.txt"], t => t.Trim().ToUpperInvariant()),
        ];
        _s.RunOk();
        _s.Root.Write("spec/a.yaml", "alpha: 1\n\n\n");   // different spec bytes, same output bytes
        _s.Ran.Clear();
        var result = _s.Run();
        Assert.Equal(["Produce[a]"], _s.Ran);
        Assert.Equal("Succeeded", result.Status("Produce"));
        Assert.Equal("UpToDate", result.Status("Consume"));
    }

    [Fact]
    public void Forced_targets_rerun_and_no_cache_neither_reads_nor_writes_records()
    {
        _s.RunOk();
        Assert.Equal(["Produce[a]", "Produce[b]"], _s.RunOk("Consume", "--force", "Produce").Order());
        Assert.Equal(3, _s.RunOk("Consume", "--force").Count);
        var records = _s.Records();
        Assert.Equal(3, _s.RunOk("Consume", "--no-cache").Count);
        Assert.Equal(records, _s.Records());

        using var fresh = new Scenario { Upstream = _s.Upstream, Downstream = () => [] };
        fresh.Root.Write("spec/a.yaml", "alpha: 1\n");
        fresh.Root.Write("spec/b.yaml", "beta: 2\n");
        Assert.Equal(0, fresh.Run("Produce", "--no-cache").ExitCode);
        Assert.Empty(fresh.Records());
        Assert.Empty(fresh.Root.Files("data/cache/cas"));
    }

    [Fact]
    public void A_corrupt_blob_is_not_restored_the_action_reruns()
    {
        _s.RunOk();
        var blob = _s.Root.Files("data/cache/cas").Single(f => File.ReadAllText(_s.Root[f]) == "ALPHA: 1\n");
        File.Delete(_s.Root["data/up/a.txt"]);            // break the hard link first, then corrupt the blob
        File.WriteAllText(_s.Root[blob], "ALPHA: 9\n");
        _s.Ran.Clear();
        var result = _s.Run();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Produce[a]"], _s.Ran);
        Assert.Contains("cache blob missing or corrupt for data/up/a.txt → Run", result.Output);
        Assert.Equal("ALPHA: 1\n", _s.Root.Read("data/up/a.txt"));
    }

    [Fact]
    public void An_output_edited_in_place_also_edits_its_hard_linked_blob_so_the_action_reruns_instead_of_restoring_garbage()
    {
        _s.RunOk();
        File.WriteAllText(_s.Root["data/up/a.txt"], "EDITED\n");     // same inode as its blob
        _s.Ran.Clear();
        var result = _s.Run();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["Produce[a]"], _s.Ran);
        Assert.Contains("cache blob missing or corrupt for data/up/a.txt → Run", result.Output);
        Assert.Equal("ALPHA: 1\n", _s.Root.Read("data/up/a.txt"));
        Assert.Equal("UpToDate", result.Status("Consume"));
        Assert.DoesNotContain(_s.Root.Files("data/cache/cas"), f => File.ReadAllText(_s.Root[f]) == "EDITED\n");
    }

    [Fact]
    public void A_crash_mid_action_leaves_no_record_no_temporary_and_the_old_output_intact()
    {
        _s.RunOk();
        var records = _s.Records();
        _s.Root.Write("spec/a.yaml", "alpha: 2\n");
        _s.Upstream = () =>
        [
            new BuildAction
            {
                Partition = "a",
                Code = [typeof(CacheTests).Assembly],
                Specs = ["spec/a.yaml"],
                Outputs = ["data/up/a.txt"],
                Run = ctx =>
                {
                    using (var half = File.CreateText(ctx.OutputPath("data/up/a.txt"))) half.Write("ALP");
                    throw new InvalidOperationException("simulated crash half way through the output");
                },
            },
        ];
        var result = _s.Run("Produce");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Failed", result.Status("Produce"));
        Assert.Contains("FAILED    Produce[a]", result.Output);
        Assert.Contains("simulated crash half way through the output", result.Output);
        Assert.Equal("ALPHA: 1\n", _s.Root.Read("data/up/a.txt"));
        Assert.Equal(records, _s.Records());
        Assert.Empty(_s.Temporaries());
    }

    [Fact]
    public void A_declared_output_that_is_not_written_fails_the_action()
    {
        _s.Upstream = () => [new BuildAction { Partition = "p", Code = [typeof(CacheTests).Assembly], Outputs = ["data/up/x.txt", "data/up/y.txt"],
            Run = ctx => File.WriteAllText(ctx.OutputPath("data/up/x.txt"), "x") }];
        var result = _s.Run("Produce");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Produce[p]", result.Output);
        Assert.Contains("declared output data/up/y.txt was not written (write it to the path ctx.OutputPath(\"data/up/y.txt\") returns).", result.Output);
        Assert.False(_s.Root.Exists("data/up/x.txt"));
        Assert.Empty(_s.Records());
        Assert.Empty(_s.Temporaries());
    }

    [Fact]
    public void A_missing_input_fails_naming_it_and_undeclared_reads_are_refused()
    {
        _s.Upstream = () => [_s.Transform("Produce", "a", null, ["data/nowhere.txt"], ["data/up/a.txt"], t => t)];
        var missing = _s.Run("Produce");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("Produce[a]", missing.Output);
        Assert.Contains("input data/nowhere.txt does not exist.", missing.Output);

        _s.Upstream = () => [new BuildAction { Partition = "a", Code = [typeof(CacheTests).Assembly], Outputs = ["data/up/a.txt"],
            Run = ctx => File.WriteAllText(ctx.OutputPath("data/up/a.txt"), File.ReadAllText(ctx.InputPath("spec/a.yaml"))) }];
        var undeclared = _s.Run("Produce");
        Assert.Equal(1, undeclared.ExitCode);
        Assert.Contains("Produce[a] reads 'spec/a.yaml' but does not declare it in Inputs or Specs", undeclared.Output);
    }

    [Theory]
    [InlineData("duplicate outputs", "Produce[a] and Produce[b] both write 'data/up/x.txt'; every output has exactly one producer.")]
    [InlineData("duplicate partitions", "Target Produce lists partition 'a' twice (actions 1 and 2)")]
    [InlineData("outside data", "Produce[a] writes 'golden/x.txt', outside the data folder 'data/'")]
    [InlineData("escaping path", "output of Produce[a]: '../x.txt' contains '..'")]
    [InlineData("absolute path", "output of Produce[a]: '/tmp/x.txt' is absolute")]
    [InlineData("cycle", "The actions of Produce read each other's outputs in a cycle: Produce[a], Produce[b].")]
    [InlineData("no code", "Produce[a] lists no Code assemblies")]
    public void Inconsistent_actions_are_rejected_with_a_message_naming_them(string problem, string message)
    {
        BuildAction A(string partition, string[] outputs, string[]? inputs = null, bool code = true) => new()
        {
            Partition = partition, Code = code ? [typeof(CacheTests).Assembly] : [], Outputs = outputs, Inputs = inputs ?? [], Run = _ => { },
        };
        _s.Upstream = problem switch
        {
            "duplicate outputs" => () => [A("a", ["data/up/x.txt"]), A("b", ["data/up/x.txt"])],
            "duplicate partitions" => () => [A("a", ["data/up/x.txt"]), A("a", ["data/up/y.txt"])],
            "outside data" => () => [A("a", ["golden/x.txt"])],
            "escaping path" => () => [A("a", ["../x.txt"])],
            "absolute path" => () => [A("a", ["/tmp/x.txt"])],
            "cycle" => () => [A("a", ["data/a.txt"], ["data/b.txt"]), A("b", ["data/b.txt"], ["data/a.txt"])],
            "no code" => () => [A("a", ["data/a.txt"], code: false)],
            _ => throw new ArgumentOutOfRangeException(problem),
        };
        var result = _s.Run("Produce");
        Assert.Equal(1, result.ExitCode);
        Assert.True(result.Output.Contains(message, StringComparison.Ordinal), result.Output);
    }

    [Fact]
    public void Two_targets_writing_the_same_output_is_an_error()
    {
        _s.Downstream = () => [_s.Transform("Consume", "dup", null, ["data/up/b.txt"], ["data/up/a.txt"], t => t)];
        var result = _s.Run();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Produce[a] and Consume[dup] both write 'data/up/a.txt'; every output has exactly one producer.", result.Output);
        Assert.Equal("Failed", result.Status("Consume"));
    }

    [Fact]
    public void Cache_gc_prunes_only_blobs_no_record_references_and_reports_what_it_freed()
    {
        _s.RunOk();
        _s.Root.Write("spec/a.yaml", "alpha: 100\n");
        _s.RunOk();
        var blobs = _s.Root.Files("data/cache/cas");
        Assert.Equal(5, blobs.Count); // a v1, a v2, b, ab v1, ab v2

        var keep = _s.Run("Gc");
        Assert.Contains("// removed 0 blobs (0 B), kept 5", keep.Row("Gc"));
        Assert.Equal(blobs, _s.Root.Files("data/cache/cas"));

        // Forget the first version of Produce[a]: its blob ("ALPHA: 1\n", 9 bytes) is now unreferenced.
        var cache = new ActionCache(_s.Root.Path, _s.Root["data"], readOnly: true);
        var stale = _s.Records().Single(r => cache.TryReadRecord(Path.GetFileNameWithoutExtension(r))!.Outputs.Any(o => o.Path == "data/up/a.txt" && o.Bytes == 9));
        File.Delete(_s.Root[stale]);
        var prune = _s.Run("Gc");
        Assert.Contains("// removed 1 blobs (9 B), kept 4", prune.Row("Gc"));
        Assert.Equal(4, _s.Root.Files("data/cache/cas").Count);
        Assert.DoesNotContain(_s.Root.Files("data/cache/cas"), f => File.ReadAllText(_s.Root[f]) == "ALPHA: 1\n");
    }

    [Fact]
    public void Identical_runs_give_byte_identical_records_apart_from_durations()
    {
        _s.RunOk();
        using var other = new Scenario { Upstream = () => [.. _s.Upstream()], Downstream = () => [.. _s.Downstream()] };
        other.Root.Write("spec/a.yaml", "alpha: 1\n");
        other.Root.Write("spec/b.yaml", "beta: 2\n");
        other.RunOk();
        Assert.Equal(_s.Records(), other.Records());
        foreach (var record in _s.Records())
            Assert.Equal(WithoutDuration(_s.Root.Read(record)), WithoutDuration(other.Root.Read(record)));
        Assert.Equal(_s.Root.Read("data/cache/last/Produce.json"), other.Root.Read("data/cache/last/Produce.json"));

        var before = _s.Records().ToDictionary(r => r, r => WithoutDuration(_s.Root.Read(r)));
        _s.RunOk("Consume", "--force");
        Assert.Equal(before, _s.Records().ToDictionary(r => r, r => WithoutDuration(_s.Root.Read(r))));
    }

    [Fact]
    public void Records_list_outputs_with_hash_and_size_and_the_key_ingredients()
    {
        _s.RunOk("Produce");
        var cache = new ActionCache(_s.Root.Path, _s.Root["data"], readOnly: true);
        var record = _s.Records().Select(r => cache.TryReadRecord(Path.GetFileNameWithoutExtension(r))!).Single(r => r.Partition == "a");
        Assert.Equal("Produce", record.Target);
        var output = Assert.Single(record.Outputs);
        Assert.Equal("data/up/a.txt", output.Path);
        Assert.Equal(9, output.Bytes);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("ALPHA: 1\n"u8)), output.Sha256);
        Assert.True(_s.Root.Exists($"data/cache/cas/{output.Sha256[..2]}/{output.Sha256}"));
        Assert.Equal("9 chars", record.Info);
        Assert.Equal(record.Key, record.Ingredients!.ComputeKey());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("alpha: 1\n"u8)), record.Ingredients.Specs["spec/a.yaml"]);
    }

    private static string WithoutDuration(string record) =>
        string.Join('\n', record.Split('\n').Where(l => !l.TrimStart().StartsWith("\"duration_ms\"", StringComparison.Ordinal)));
}
