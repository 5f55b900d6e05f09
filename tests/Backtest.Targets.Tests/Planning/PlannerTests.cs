namespace Backtest.Targets.Tests;

public sealed class PlannerTests : IDisposable
{
    private readonly ScratchRoot _root = new();

    public void Dispose() => _root.Dispose();

    private (GraphBuild Build, RunResult Result) Run(params string[] args)
    {
        var build = new GraphBuild();
        return (build, Runs.Run(build, _root, args));
    }

    [Theory]
    [InlineData("B", "A B")]
    [InlineData("C A", "C A")]
    [InlineData("A C", "A C")]
    [InlineData("D", "D")]
    [InlineData("D C", "C D")]
    [InlineData("A E", "E A")]
    [InlineData("F", "F G")]
    [InlineData("Group", "A B C")]
    [InlineData("C Group", "C A B")]
    [InlineData("b", "A B")]
    public void Plan_order_is_dependencies_first_then_invoked_order_then_declaration_order(string invoked, string expected)
    {
        var (build, result) = Run(invoked.Split(' '));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, string.Join(' ', build.Ran));
    }

    [Fact]
    public void Collective_targets_are_not_rows_of_the_summary()
    {
        var (_, result) = Run("Group");
        Assert.Equal("Succeeded", result.Status("B"));
        Assert.DoesNotContain(result.Output.Split('\n'), l => l.StartsWith("Group ", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_target_fails_listing_the_existing_ones()
    {
        var (build, result) = Run("Nope");
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("Target 'Nope' does not exist. Available targets are: A, AfterFail, B, C, D, Dynamic, E, F, Fail, G, Group, Hidden, NeedsCount, NeedsSymbols, NeedsTolerant, Static, Switched, Tolerant, UsesCount.", result.Output);
    }

    [Fact]
    public void Cycles_fail_naming_the_cycle()
    {
        var result = Runs.Run(new CycleBuild(), _root, "W");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Circular dependencies between targets: X -> Y -> Z -> X", result.Output);
    }

    [Fact]
    public void A_target_cannot_depend_on_itself()
    {
        var result = Runs.Run(new SelfBuild(), _root, "Loop");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Target Loop cannot depend on itself.", result.Output);
    }

    [Fact]
    public void Bare_skip_skips_every_target_that_was_not_invoked()
    {
        var (build, result) = Run("B", "--skip");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["B"], build.Ran);
        Assert.Equal("Skipped", result.Status("A"));
        Assert.Contains("// via --skip", result.Row("A"));
    }

    [Fact]
    public void Named_skip_skips_those_targets_but_never_an_invoked_one()
    {
        var (build, _) = Run("Group", "--skip", "a", "B");
        Assert.Equal(["C"], build.Ran);
        var (build2, _) = Run("B", "--skip", "B");
        Assert.Equal(["A", "B"], build2.Ran);
    }

    [Fact]
    public void Skip_of_an_unknown_target_is_an_error()
    {
        var (build, result) = Run("B", "--skip", "Q");
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("Target 'Q' does not exist", result.Output);
    }

    [Fact]
    public void Static_conditions_are_evaluated_before_anything_runs_dynamic_ones_just_before_the_target()
    {
        var (build, result) = Run("Static", "Dynamic");
        Assert.Equal(["A", "Dynamic"], build.Ran);
        Assert.Equal("Skipped", result.Status("Static"));
        Assert.Contains("// condition false", result.Row("Static"));
        Assert.Equal("Succeeded", result.Status("Dynamic"));
    }

    [Fact]
    public void A_false_static_condition_skips_even_an_invoked_target()
    {
        var (build, result) = Run("Switched", "--enabled", "false");
        Assert.Empty(build.Ran);
        Assert.Equal("Skipped", result.Status("Switched"));
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Requires_a_parameter_fails_before_anything_runs_naming_how_to_set_it()
    {
        var (build, result) = Run("A", "NeedsSymbols");
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("Target NeedsSymbols requires parameter --symbols: pass it on the command line (--symbols …), set the environment variable SYMBOLS, or add \"Symbols\" to .nuke/parameters.json.", result.Output);

        var (build2, result2) = Run("NeedsSymbols", "--symbols", "BTCUSDT");
        Assert.Equal(0, result2.ExitCode);
        Assert.Equal(["NeedsSymbols"], build2.Ran);
    }

    [Fact]
    public void Requires_an_empty_array_counts_as_missing()
    {
        var (_, result) = Run("NeedsSymbols", "--symbols");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("requires parameter --symbols", result.Output);
    }

    [Fact]
    public void Requires_a_boolean_expression_names_it()
    {
        var (build, result) = Run("NeedsCount");
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("Target NeedsCount requires 'Count > 0', which is false.", result.Output);
        Assert.Equal(0, Run("NeedsCount", "--count", "3").Result.ExitCode);
    }

    [Fact]
    public void Requires_of_targets_outside_the_plan_or_skipped_are_not_checked()
    {
        Assert.Equal(0, Run("A").Result.ExitCode);
        var (build, result) = Run("UsesCount", "--skip", "NeedsCount");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["UsesCount"], build.Ran);
    }

    [Fact]
    public void A_failure_stops_the_build_later_targets_are_NotRun()
    {
        var (build, result) = Run("Fail", "AfterFail");
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Equal("Failed", result.Status("Fail"));
        Assert.Equal("NotRun", result.Status("AfterFail"));
        Assert.Contains("Build failed on", result.Output);
    }

    [Fact]
    public void ProceedAfterFailure_lets_later_independent_targets_run_but_not_its_dependents()
    {
        var (build, result) = Run("Tolerant", "AfterFail", "NeedsTolerant");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["AfterFail"], build.Ran);
        Assert.Equal("Failed", result.Status("Tolerant"));
        Assert.Equal("Succeeded", result.Status("AfterFail"));
        Assert.Equal("NotRun", result.Status("NeedsTolerant"));
        Assert.Contains("// Tolerant did not succeed", result.Row("NeedsTolerant"));
    }

    [Fact]
    public void Exceptions_print_as_one_paragraph_with_inner_messages_and_stack_traces_only_at_verbose()
    {
        var (_, normal) = Run("Fail");
        Assert.Contains("Target Fail failed: the step broke: disk said no", normal.Output);
        Assert.DoesNotContain("   at ", normal.Output);
        var (_, verbose) = Run("Fail", "--verbosity", "verbose");
        Assert.Contains("   at ", verbose.Output);
    }

    [Fact]
    public void Default_targets_run_when_none_are_invoked()
    {
        var build = new GraphBuild();
        var result = Runs.Run(build, _root, [], null, defaults: ["B"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["A", "B"], build.Ran);
    }

    [Fact]
    public void Help_lists_listed_targets_with_dependencies_descriptions_and_parameters()
    {
        var build = new GraphBuild();
        var result = Runs.Run(build, _root, ["--help"], null, defaults: ["B"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(build.Ran);
        Assert.Contains("Targets (with their direct dependencies):", result.Output);
        Assert.Contains("  A\n    first\n", result.Output);
        Assert.Contains("  B (default)          -> A\n", result.Output);
        Assert.Contains("  Group                -> B, C\n", result.Output);
        Assert.DoesNotContain("Hidden", result.Output);
        Assert.Contains("  --symbols           Symbols to process.", result.Output);
        Assert.Contains("  --plan              Shows what would run and why, per action; writes nothing.", result.Output);
    }

    [Fact]
    public void The_summary_table_has_NUKE_columns()
    {
        var (_, result) = Run("B");
        var lines = result.Output.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("Target ", StringComparison.Ordinal));
        Assert.Equal("Target             Status      Duration", lines[header]);
        Assert.Equal("A                  Succeeded     < 1sec", lines[header + 2]);
        Assert.Equal("B                  Succeeded     < 1sec", lines[header + 3]);
        Assert.StartsWith("Total                            ", lines[header + 5]);
        Assert.Contains("Build succeeded on ", result.Output);
    }
}
