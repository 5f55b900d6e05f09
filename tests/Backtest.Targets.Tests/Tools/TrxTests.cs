namespace Backtest.Targets.Tests;

/// <summary>TRX parsing against a real xUnit TRX (generated with dotnet test, checked in) and hand-written outcome vectors.</summary>
public sealed class TrxTests : IDisposable
{
    private static readonly string Vectors = Path.Combine(AppContext.BaseDirectory, "vectors", "trx");
    private readonly ScratchRoot _root = new();

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData("xunit-mixed.trx", 3, 2, 1, "TrxDemo.Arithmetic.Fails_on_purpose|TrxDemo.Arithmetic.Theory_case(x: 2)", "3 passed, 2 failed, 1 skipped")]
    [InlineData("hand-outcomes.trx", 1, 3, 2, "Suite.Aborts|Suite.Errors|Suite.TimesOut", "1 passed, 3 failed, 2 skipped")]
    public void Trx_files_are_counted_by_result_outcome(string file, int passed, int failed, int skipped, string failedTests, string line)
    {
        var totals = TestTotals.FromTrx(Path.Combine(Vectors, file));
        Assert.Equal((passed, failed, skipped), (totals.Passed, totals.Failed, totals.Skipped));
        Assert.Equal(failedTests.Split('|'), totals.FailedTests);
        Assert.Equal(line, totals.Summary);
    }

    [Fact]
    public void A_results_folder_sums_every_trx_and_failures_throw_naming_the_tests()
    {
        foreach (var file in Directory.EnumerateFiles(Vectors, "*.trx"))
            File.Copy(file, _root[Path.GetFileName(file)]);
        var totals = TestTotals.FromDirectory(_root.Path);
        Assert.Equal("4 passed, 5 failed, 3 skipped", totals.Summary);
        var error = Assert.Throws<TestRunException>(totals.EnsureSucceeded);
        Assert.Equal("5 test(s) failed: Suite.Aborts, Suite.Errors, Suite.TimesOut, TrxDemo.Arithmetic.Fails_on_purpose, TrxDemo.Arithmetic.Theory_case(x: 2).", error.Message);
        new TestTotals(3, 0, 1, []).EnsureSucceeded();
    }

    [Fact]
    public void A_broken_trx_is_an_error_with_its_position()
    {
        _root.Write("broken.trx", "<TestRun>\n  <Results>\n    <UnitTestResult outcome=\"Passed\"\n");
        var error = Assert.Throws<TestRunException>(() => TestTotals.FromTrx(_root["broken.trx"]));
        Assert.Contains("broken.trx line 3, column 1: not a readable TRX file", error.Message);
    }
}
