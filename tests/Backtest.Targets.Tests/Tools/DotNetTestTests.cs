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
        AddDemoProject("demo", "TrxDemo");
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
        AddDemoProject("One", "One");
        AddDemoProject("Two", "Two");
        RunDotnet(_root.Path, "new", "sln", "-n", "Both", "--format", "sln");
        RunDotnet(_root.Path, "sln", "Both.sln", "add", "One/One.csproj", "Two/Two.csproj");

        var totals = DotNetTasks.DotNetTest(_root["Both.sln"], "Release", _root["results"]);
        Assert.Equal("6 passed, 4 failed, 2 skipped", totals.Summary);
    }

    [Fact]
    public void A_test_project_that_does_not_build_fails_the_run_even_when_the_others_pass()
    {
        AddDemoProject("Good", "Good");
        AddBrokenProject("Bad", "Bad");
        RunDotnet(_root.Path, "new", "sln", "-n", "Mixed", "--format", "sln");
        RunDotnet(_root.Path, "sln", "Mixed.sln", "add", "Good/Good.csproj", "Bad/Bad.csproj");

        var totals = DotNetTasks.DotNetTest(_root["Mixed.sln"], "Release", _root["results"]);
        Assert.StartsWith("3 passed, 2 failed, 1 skipped; a test project failed to build", totals.Summary);
        Assert.Contains("error CS", totals.RunFailure);
        Assert.Throws<TestRunException>(totals.EnsureSucceeded);
    }

    private static readonly string Demo = Path.Combine(AppContext.BaseDirectory, "vectors", "trx", "demo");

    /// <summary>The demo project (3 pass, 2 fail, 1 skip) as <paramref name="folder"/>/<paramref name="name"/>.csproj.</summary>
    private void AddDemoProject(string folder, string name)
    {
        _root.Write($"{folder}/{name}.csproj", File.ReadAllText(Path.Combine(Demo, "TrxDemo.csproj.txt")));
        _root.Write($"{folder}/Tests.cs", File.ReadAllText(Path.Combine(Demo, "Tests.cs.txt")));
    }

    /// <summary>A project with the demo's settings whose code does not compile.</summary>
    private void AddBrokenProject(string folder, string name)
    {
        _root.Write($"{folder}/{name}.csproj", File.ReadAllText(Path.Combine(Demo, "TrxDemo.csproj.txt")));
        _root.Write($"{folder}/Code.cs", "class C { void M() { this does not compile } }");
    }

    private static void RunDotnet(string directory, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(psi)!;
        var errors = p.StandardError.ReadToEndAsync(); // both pipes drained, so a chatty stderr cannot block the child
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"dotnet {string.Join(' ', args)} exited {p.ExitCode}: {output}{errors.Result}");
    }

    [Fact]
    public void A_run_without_results_throws_with_the_output_tail()
    {
        AddBrokenProject("broken", "Broken");
        var error = Assert.Throws<TestRunException>(() => DotNetTasks.DotNetTest(_root["broken/Broken.csproj"], "Release", _root["results"]));
        Assert.Contains("without test results", error.Message);
        Assert.Contains("error CS", error.Message);
    }
}
