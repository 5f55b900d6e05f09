namespace Backtest.Targets.Tests;

/// <summary>Runs the real <c>dotnet test</c> on a tiny xUnit project (3 pass, 2 fail, 1 skip) through <see cref="DotNetTasks.DotNetTest"/>.</summary>
public sealed class DotNetTestTests : IDisposable
{
    private readonly ScratchRoot _root = new();

    // The convention DotNetTest relies on (the repository's Directory.Build.props has it): each project writes its
    // TRX under $(TestResultsRoot)/<project>, because the logger names files by the second.
    private const string Props = """
        <Project>
          <PropertyGroup Condition="'$(TestResultsRoot)' != ''">
            <VSTestResultsDirectory>$(TestResultsRoot)/$(MSBuildProjectName)</VSTestResultsDirectory>
          </PropertyGroup>
        </Project>
        """;

    public DotNetTestTests() => _root.Write("Directory.Build.props", Props);

    public void Dispose() => _root.Dispose();

    [Fact]
    public void DotNetTest_runs_dotnet_test_with_a_trx_logger_and_sums_the_results()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "vectors", "trx", "demo");
        Directory.CreateDirectory(_root["demo"]);
        File.Copy(Path.Combine(source, "TrxDemo.csproj.txt"), _root["demo/TrxDemo.csproj"]);
        File.Copy(Path.Combine(source, "Tests.cs.txt"), _root["demo/Tests.cs"]);
        _root.Write("results/stale.trx", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "trx", "hand-outcomes.trx")));

        var all = DotNetTasks.DotNetTest(_root["demo/TrxDemo.csproj"], "Release", _root["results"]);
        Assert.Equal("3 passed, 2 failed, 1 skipped", all.Summary);
        Assert.Equal(["TrxDemo.Arithmetic.Fails_on_purpose", "TrxDemo.Arithmetic.Theory_case(x: 2)"], all.FailedTests);

        var filtered = DotNetTasks.DotNetTest(_root["demo/TrxDemo.csproj"], "Release", _root["results"], "FullyQualifiedName~Adds");
        Assert.Equal("1 passed, 0 failed, 0 skipped", filtered.Summary);
    }

    [Fact]
    public void Every_project_of_a_solution_is_counted_even_when_they_finish_in_the_same_second()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "vectors", "trx", "demo");
        foreach (var name in new[] { "One", "Two" })
        {
            Directory.CreateDirectory(_root[name]);
            File.Copy(Path.Combine(source, "TrxDemo.csproj.txt"), _root[$"{name}/{name}.csproj"]);
            File.Copy(Path.Combine(source, "Tests.cs.txt"), _root[$"{name}/Tests.cs"]);
        }
        RunDotnet(_root.Path, "new", "sln", "-n", "Both", "--format", "sln");
        RunDotnet(_root.Path, "sln", "Both.sln", "add", "One/One.csproj", "Two/Two.csproj");

        var totals = DotNetTasks.DotNetTest(_root["Both.sln"], "Release", _root["results"]);
        Assert.Equal("6 passed, 4 failed, 2 skipped", totals.Summary);
    }

    [Fact]
    public void A_test_project_that_does_not_build_fails_the_run_even_when_the_others_pass()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "vectors", "trx", "demo");
        Directory.CreateDirectory(_root["Good"]);
        File.Copy(Path.Combine(source, "TrxDemo.csproj.txt"), _root["Good/Good.csproj"]);
        File.Copy(Path.Combine(source, "Tests.cs.txt"), _root["Good/Tests.cs"]);
        _root.Write("Bad/Bad.csproj", File.ReadAllText(Path.Combine(source, "TrxDemo.csproj.txt")));
        _root.Write("Bad/Code.cs", "class C { void M() { this does not compile } }");
        RunDotnet(_root.Path, "new", "sln", "-n", "Mixed", "--format", "sln");
        RunDotnet(_root.Path, "sln", "Mixed.sln", "add", "Good/Good.csproj", "Bad/Bad.csproj");

        var totals = DotNetTasks.DotNetTest(_root["Mixed.sln"], "Release", _root["results"]);
        Assert.StartsWith("3 passed, 2 failed, 1 skipped; a test project failed to build", totals.Summary);
        Assert.Contains("error CS", totals.RunFailure);
        Assert.Throws<TestRunException>(totals.EnsureSucceeded);
    }

    private static void RunDotnet(string directory, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    [Fact]
    public void A_run_without_results_throws_with_the_output_tail()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "vectors", "trx", "demo");
        _root.Write("broken/Broken.csproj", File.ReadAllText(Path.Combine(source, "TrxDemo.csproj.txt")));
        _root.Write("broken/Code.cs", "class C { void M() { this does not compile } }");
        var error = Assert.Throws<TestRunException>(() => DotNetTasks.DotNetTest(_root["broken/Broken.csproj"], "Release", _root["results"]));
        Assert.Contains("without test results", error.Message);
        Assert.Contains("error CS", error.Message);
    }
}
