namespace Backtest.Targets.Tests;

/// <summary>Runs the real <c>dotnet test</c> on a tiny xUnit project (3 pass, 2 fail, 1 skip) through <see cref="DotNetTasks.DotNetTest"/>.</summary>
public sealed class DotNetTestTests : IDisposable
{
    private readonly TempRoot _root = new();

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
