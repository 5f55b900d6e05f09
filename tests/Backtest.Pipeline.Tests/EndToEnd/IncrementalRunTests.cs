namespace Backtest.Pipeline.Tests.EndToEnd;

/// <summary>
/// The build-system promises of the pipeline, checked on the real stages end to end: an unchanged rerun runs
/// nothing; an edit reruns exactly what reads it (and says why under --plan); a revert restores from the cache;
/// the same inputs give byte-identical outputs in another folder.
/// </summary>
public sealed class IncrementalRunTests : IDisposable
{
    // 120 simulated days: enough for every feature's warm-up and the plan's min_bars, small enough to take ~1 s.
    private static readonly string[] Small = ["--sim-days", "120"];
    private readonly List<string> _roots = [];

    public void Dispose()
    {
        foreach (var root in _roots) PipelineProcess.Delete(root);
    }

    private string NewRoot()
    {
        var root = PipelineProcess.NewRoot();
        _roots.Add(root);
        return root;
    }

    private static BuildRun Run(string root, params string[] args)
    {
        var run = PipelineProcess.Run(root, args.Contains("--sim-days") ? args : [.. args, .. Small]);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}:\n{run.Output}");
        return run;
    }

    private static readonly string[] ResearchTargets = ["Ingest", "Clean", "Features", "Events", "Templates", "Plan", "Discover"];

    [Fact]
    public void A_rerun_with_nothing_changed_runs_nothing()
    {
        var root = NewRoot();
        var cold = Run(root, "Discover");
        Assert.All(ResearchTargets, t => Assert.Equal("Succeeded", cold.Status(t)));
        Assert.Equal("ran 19", cold.Info("Features"));

        var warm = Run(root, "Discover");

        Assert.All(ResearchTargets, t => Assert.Equal("UpToDate", warm.Status(t)));
        Assert.Equal("up to date 19", warm.Info("Features"));
        Assert.DoesNotContain("ran ", warm.Output);
    }

    [Fact]
    public void A_feature_edit_reruns_that_feature_and_what_reads_it_and_its_revert_restores_without_recomputing()
    {
        var root = NewRoot();
        var spec = Path.Combine(root, "spec", "features", "rv_1h.yaml");
        var original = File.ReadAllText(spec);
        Run(root, "Discover");
        var before = PipelineProcess.Hashes(Path.Combine(root, "data", "lake"));

        File.WriteAllText(spec, original.Replace("window: 12", "window: 24"));
        var plan = Run(root, "Discover", "--plan");
        Assert.Contains("Run       Features[BTCUSDT/rv_1h] · changed spec: spec/features/rv_1h.yaml", plan.Output);
        Assert.Contains("Pending   Features[BTCUSDT/rv_1h_z] · waits on: Features[BTCUSDT/rv_1h]", plan.Output);
        Assert.Equal(before, PipelineProcess.Hashes(Path.Combine(root, "data", "lake")));   // --plan writes nothing

        var edited = Run(root, "Discover");
        Assert.Equal("UpToDate", edited.Status("Clean"));
        Assert.Equal("ran 2, up to date 17", edited.Info("Features"));        // rv_1h and rv_1h_z
        Assert.Equal("ran 2, up to date 11", edited.Info("Events"));          // vol_compression and vol_regime_spike
        Assert.Equal("UpToDate", edited.Status("Plan"));
        Assert.StartsWith("ran ", edited.Info("Discover"));
        Assert.NotEqual(before, PipelineProcess.Hashes(Path.Combine(root, "data", "lake")));

        File.WriteAllText(spec, original);
        var reverted = Run(root, "Discover");
        Assert.Equal("Restored", reverted.Status("Features"));
        Assert.Equal("restored 2, up to date 17", reverted.Info("Features"));
        Assert.Equal("restored 2, up to date 11", reverted.Info("Events"));
        Assert.DoesNotContain("ran ", reverted.Output);
        Assert.Equal(before, PipelineProcess.Hashes(Path.Combine(root, "data", "lake")));
    }

    [Fact]
    public void A_description_or_comment_edit_reruns_nothing()
    {
        var root = NewRoot();
        Run(root, "Discover");
        var feature = Path.Combine(root, "spec", "features", "rv_1h.yaml");
        File.WriteAllText(feature, "# a new comment\n" + File.ReadAllText(feature).Replace("description: Realised", "description: The realised"));
        var gates = Path.Combine(root, "spec", "gates.yaml");
        File.AppendAllText(gates, "# a trailing comment\n");

        var rerun = Run(root, "Discover");

        Assert.All(ResearchTargets, t => Assert.Equal("UpToDate", rerun.Status(t)));
    }

    [Fact]
    public void A_discovery_gate_edit_reruns_only_the_gating()
    {
        var root = NewRoot();
        Run(root, "Discover");
        var gates = Path.Combine(root, "spec", "gates.yaml");
        File.WriteAllText(gates, File.ReadAllText(gates).Replace("min_events: 30 ", "min_events: 40 "));

        var plan = Run(root, "Discover", "--plan");
        Assert.Contains("Run       Discover[gate/full] · changed spec: spec/gates.yaml", plan.Output);
        var rerun = Run(root, "Discover");

        Assert.All(ResearchTargets[..^1], t => Assert.Equal("UpToDate", rerun.Status(t)));
        Assert.Equal("ran 1, up to date 110", rerun.Info("Discover"));       // the gate; every hypothesis's statistics stay
    }

    [Fact]
    public void A_cost_edit_reruns_Bridge_onwards_and_nothing_before_it()
    {
        var root = NewRoot();
        var cold = Run(root, "Blueprints");
        Assert.Equal("Succeeded", cold.Status("Bridge"));
        var costs = Path.Combine(root, "spec", "costs.yaml");
        File.WriteAllText(costs, File.ReadAllText(costs).Replace("taker_bps: 4", "taker_bps: 5"));

        var rerun = Run(root, "Blueprints");

        Assert.All(ResearchTargets, t => Assert.Equal("UpToDate", rerun.Status(t)));
        Assert.Equal("ran 1", rerun.Info("Bridge"));
        Assert.NotEqual("UpToDate", rerun.Status("Blueprints"));             // bound to the new cost digest
    }

    [Fact]
    public void Removed_outputs_are_restored_from_the_cache()
    {
        var root = NewRoot();
        Run(root, "Features");
        var lake = Path.Combine(root, "data", "lake");
        var before = PipelineProcess.Hashes(lake);
        Directory.Delete(Path.Combine(lake, "features"), recursive: true);

        var rerun = Run(root, "Features");

        Assert.Equal("restored 19", rerun.Info("Features"));
        Assert.Equal(before, PipelineProcess.Hashes(lake));
    }

    [Fact]
    public void The_same_inputs_give_byte_identical_outputs_in_another_folder()
    {
        var a = NewRoot();
        var b = NewRoot();
        // The full job on 260 days (two walk-forward folds), so every stage and the report are compared.
        Run(a, "Walkforward", "--sim-days", "260");
        Run(b, "Walkforward", "--sim-days", "260");

        var lakeA = PipelineProcess.Hashes(Path.Combine(a, "data", "lake"));
        var reportsA = PipelineProcess.Hashes(Path.Combine(a, "data", "reports"));
        Assert.NotEmpty(lakeA);
        Assert.Contains(reportsA.Keys, k => k.EndsWith("report.html", StringComparison.Ordinal));
        Assert.Equal(lakeA, PipelineProcess.Hashes(Path.Combine(b, "data", "lake")));
        Assert.Equal(reportsA, PipelineProcess.Hashes(Path.Combine(b, "data", "reports")));
    }
}
