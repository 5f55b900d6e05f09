using System.Xml;

namespace Backtest.Targets;

/// <summary>
/// Totals of a test run read from its TRX files (the VSTest results format): passed, failed, skipped and the names
/// of failed tests. Counts each <c>UnitTestResult</c> by outcome rather than trusting the summary counters (xUnit
/// reports skipped tests as NotExecuted results while the counters say notExecuted="0").
/// </summary>
public sealed record TestTotals(int Passed, int Failed, int Skipped, IReadOnlyList<string> FailedTests)
{
    /// <summary>No tests.</summary>
    public static readonly TestTotals None = new(0, 0, 0, []);

    /// <summary>
    /// Why the run failed besides failed tests (a test project that does not build, a crashed test host): its
    /// tests are missing from the counts, so the run must not pass. Null when nothing else went wrong.
    /// </summary>
    public string? RunFailure { get; init; }

    /// <summary>The one line the Test target ends with: "812 passed, 0 failed, 3 skipped" (plus the run failure, if any).</summary>
    public string Summary => $"{Passed} passed, {Failed} failed, {Skipped} skipped" + (RunFailure is null ? "" : $"; {RunFailure}");

    /// <summary>Sums two runs.</summary>
    public static TestTotals operator +(TestTotals a, TestTotals b) =>
        new(a.Passed + b.Passed, a.Failed + b.Failed, a.Skipped + b.Skipped, [.. a.FailedTests.Concat(b.FailedTests).Order(StringComparer.Ordinal)]);

    /// <summary>Totals of one TRX file.</summary>
    public static TestTotals FromTrx(string path)
    {
        int passed = 0, failed = 0, skipped = 0;
        var failures = new List<string>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(path, settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "UnitTestResult") continue;
                var name = reader.GetAttribute("testName") ?? "?";
                switch (reader.GetAttribute("outcome"))
                {
                    case "Passed" or "PassedButRunAborted" or "Warning": passed++; break;
                    case "NotExecuted" or "Inconclusive" or "NotRunnable" or "Pending" or "Disconnected": skipped++; break;
                    default: failed++; failures.Add(name); break;
                }
            }
        }
        catch (XmlException exception)
        {
            throw new TestRunException($"{path} line {exception.LineNumber}, column {exception.LinePosition}: not a readable TRX file ({exception.Message}).");
        }
        failures.Sort(StringComparer.Ordinal);
        return new TestTotals(passed, failed, skipped, failures);
    }

    /// <summary>Totals of every TRX file under a folder (one subfolder per test project).</summary>
    public static TestTotals FromDirectory(string directory)
    {
        var total = None;
        if (!Directory.Exists(directory)) return total;
        foreach (var file in Directory.EnumerateFiles(directory, "*.trx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            total += FromTrx(file);
        return total;
    }

    /// <summary>Throws <see cref="TestRunException"/> naming the failed tests when any failed.</summary>
    public void EnsureSucceeded()
    {
        if (RunFailure is not null) throw new TestRunException(RunFailure);
        if (Failed == 0) return;
        var names = FailedTests.Take(10).ToList();
        throw new TestRunException($"{Failed} test(s) failed: {string.Join(", ", names)}{(FailedTests.Count > names.Count ? $" and {FailedTests.Count - names.Count} more" : "")}.");
    }
}
