namespace Backtest.Targets.Tests;

/// <summary><c>--plan</c>: the reason for each action in plain words, Pending propagation, and that it writes nothing.</summary>
public sealed class PlanTests : IDisposable
{
    private readonly Scenario _s = new();
    private int _simDays = 730;
    private string _cost = "c1";
    private System.Reflection.Assembly[] _code = [typeof(PlanTests).Assembly];

    public PlanTests()
    {
        _s.Root.Write("spec/a.yaml", "alpha: 1\n");
        _s.Root.Write("spec/b.yaml", "beta: 2\n");
        _s.Root.Write("data/external/prices.csv", "1,2,3\n");
        _s.Upstream = () =>
        [
            Produce("a", "spec/a.yaml"),
            Produce("b", "spec/b.yaml"),
        ];
        _s.Downstream = () =>
        [
            _s.Transform("Consume", "ab", null, ["data/up/a.txt", "data/up/b.txt"], ["data/down/ab.txt"], t => t),
            _s.Transform("Consume", "ext", null, ["data/external/prices.csv"], ["data/down/ext.txt"], t => t),
        ];
    }

    private BuildAction Produce(string partition, string spec)
    {
        var action = _s.Transform("Produce", partition, spec, [], [$"data/up/{partition}.txt"], t => t.ToUpperInvariant(),
            new Dictionary<string, string> { ["sim-days"] = ParameterValue.Canonical(_simDays) });
        return action with { Code = _code, Extra = new Dictionary<string, string> { ["cost_digest"] = _cost } };
    }

    public void Dispose() => _s.Dispose();

    private string Plan(params string[] extra)
    {
        var before = _s.Root.Snapshot();
        var result = _s.Run(["Consume", "--plan", .. extra]);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(before, _s.Root.Snapshot());   // --plan writes nothing at all
        return result.Output;
    }

    [Fact]
    public void A_fresh_root_plans_every_action_with_no_record_and_consumers_pending()
    {
        var plan = Plan();
        Assert.Contains("Plan for Consume (nothing is written):", plan);
        Assert.Contains("Produce       Run       2 run", plan);
        Assert.Contains("  Run       Produce[a] · no record", plan);
        Assert.Contains("Consume       Pending   1 run, 1 pending", plan);
        Assert.Contains("  Pending   Consume[ab] · waits on: Produce[a]", plan);
        Assert.Contains("  Run       Consume[ext] · no record", plan);
        Assert.Equal(["data/external/prices.csv", "spec/a.yaml", "spec/b.yaml"], _s.Root.Files());
    }

    [Fact]
    public void After_a_run_everything_is_up_to_date_and_verbose_lists_each_action()
    {
        _s.RunOk();
        var plan = Plan();
        Assert.Contains("Produce       UpToDate  2 up to date", plan);
        Assert.Contains("Consume       UpToDate  2 up to date", plan);
        Assert.DoesNotContain("  UpToDate  Produce[a]", plan);
        Assert.Contains("  UpToDate  Produce[a] · up to date", Plan("--verbosity", "verbose"));
    }

    [Fact]
    public void Changed_spec_input_parameter_code_and_extra_are_named()
    {
        _s.RunOk();
        _s.Root.Write("spec/a.yaml", "alpha: 2\n");
        _s.Root.Write("data/external/prices.csv", "1,2,4\n");
        var plan = Plan();
        Assert.Contains("  Run       Produce[a] · changed spec: spec/a.yaml", plan);
        Assert.Contains("  Pending   Consume[ab] · waits on: Produce[a]", plan);
        Assert.Contains("  Run       Consume[ext] · changed input: data/external/prices.csv", plan);
        Assert.DoesNotContain("Produce[b]", plan);

        _s.RunOk();
        _simDays = 365;
        Assert.Contains("  Run       Produce[a] · changed parameter: sim-days (730 → 365)", Plan());

        _simDays = 730;
        _code = [typeof(PlanTests).Assembly, typeof(PipelineBuild).Assembly];
        Assert.Contains("  Run       Produce[b] · changed code: Backtest.Targets", Plan());

        _code = [typeof(PlanTests).Assembly];
        _cost = "c2";
        Assert.Contains("  Run       Produce[b] · changed cost_digest", Plan());
    }

    [Fact]
    public void Forced_no_cache_and_skipped_targets_say_so()
    {
        _s.RunOk();
        Assert.Contains("  Run       Produce[a] · forced", Plan("--force", "Produce"));
        var forced = Plan("--force", "Produce");
        Assert.Contains("Consume       Pending   1 pending, 1 up to date", forced);
        Assert.Contains("  Pending   Consume[ab] · waits on: Produce[a]", forced);
        Assert.Contains("  Run       Produce[a] · cache disabled (--no-cache)", Plan("--no-cache"));
        Assert.Contains("Produce       Skipped   (via --skip)", Plan("--skip"));
    }

    [Fact]
    public void Missing_outputs_plan_a_restore_whose_known_content_keeps_consumers_up_to_date()
    {
        _s.RunOk();
        File.Delete(_s.Root["data/up/a.txt"]);
        var plan = Plan();
        Assert.Contains("Produce       Restore   1 restore, 1 up to date", plan);
        Assert.Contains("  Restore   Produce[a] · outputs missing → Restore: data/up/a.txt", plan);
        Assert.Contains("Consume       UpToDate  2 up to date", plan);
    }

    [Fact]
    public void A_target_whose_factory_needs_upstream_outputs_is_pending_with_the_reason()
    {
        _s.Downstream = () =>
        {
            var listing = File.ReadAllLines(_s.Root["data/up/a.txt"]);   // a plan file written upstream
            return [_s.Transform("Consume", "x", null, ["data/up/a.txt"], ["data/down/x.txt"], t => t + listing.Length)];
        };
        var plan = Plan();
        Assert.Contains("Consume       Pending   cannot list its actions yet: Could not find", plan);
        Assert.Contains("data/up/a.txt", plan);
    }

    [Fact]
    public void Plan_matches_what_the_run_then_does()
    {
        _s.RunOk();
        _s.Root.Write("spec/b.yaml", "beta: 3\n");
        var plan = Plan();
        Assert.Contains("  Run       Produce[b] · changed spec: spec/b.yaml", plan);
        var result = _s.Run();
        Assert.Matches(@"ran       Produce\[b\]  \d+ ms · 8 chars · changed spec: spec/b.yaml", result.Output);
        Assert.Matches(@"ran       Consume\[ab\]  \d+ ms · 17 chars · changed input: data/up/b.txt", result.Output);
        Assert.Contains("// ran 1, up to date 1", result.Row("Consume"));
    }
}
