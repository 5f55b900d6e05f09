using System.Diagnostics;

namespace Backtest.Targets;

/// <summary>
/// The runner's one external tool: <c>dotnet test</c> with a TRX logger, summarised as <see cref="TestTotals"/> so the
/// build's Test target can end with exactly one line "N passed, N failed, N skipped". Not finance: any solution works.
/// </summary>
public static class DotNetTasks
{
    /// <summary>
    /// Runs <c>dotnet test</c> on <paramref name="solutionOrProject"/>, writing TRX files into
    /// <paramref name="resultsDirectory"/> (old ones are removed first so the totals are this run's), and returns the
    /// totals. Test failures are returned, not thrown (call <see cref="TestTotals.EnsureSucceeded"/>); a run that
    /// produced no results throws <see cref="TestRunException"/> with the tail of its output.
    /// </summary>
    public static TestTotals DotNetTest(string solutionOrProject, string configuration, string resultsDirectory, string? filter = null,
        BuildLog? log = null, CancellationToken cancellation = default)
    {
        if (Directory.Exists(resultsDirectory)) Directory.Delete(resultsDirectory, recursive: true);
        Directory.CreateDirectory(resultsDirectory);

        var start = new ProcessStartInfo(DotNetExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Each test project writes its TRX into its own subfolder (TestResultsRoot, see Directory.Build.props): the
        // logger names files by the second, so projects finishing together in one folder would overwrite each other.
        foreach (var argument in (string[])["test", solutionOrProject, "--configuration", configuration, "--logger", "trx", $"-p:TestResultsRoot={resultsDirectory}", "--nologo"])
            start.ArgumentList.Add(argument);
        if (filter is not null)
        {
            start.ArgumentList.Add("--filter");
            start.ArgumentList.Add(filter);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        var tail = new Queue<string>();
        var buildErrors = new List<string>();
        var hostErrors = new List<string>();
        var hostErrorLines = 0;
        void Line(string? line)
        {
            if (line is null) return;
            lock (tail)
            {
                if (line.Contains(": error ", StringComparison.Ordinal)) buildErrors.Add(line.Trim());
                // A dying test host prints "Testhost process for source(s) '…' exited with error:" and the cause on the next lines.
                if (line.Contains("exited with error", StringComparison.Ordinal)) hostErrorLines = 5;
                if (hostErrorLines > 0 && line.Trim().Length > 0) { hostErrors.Add(line.Trim()); hostErrorLines--; }
                tail.Enqueue(line);
                if (tail.Count > 40) tail.Dequeue();
            }
            log?.Verbose(line);
        }

        using var process = Process.Start(start) ?? throw new TestRunException($"could not start {start.FileName}");
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using (cancellation.Register(() => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } }))
            process.WaitForExit();
        cancellation.ThrowIfCancellationRequested();

        var totals = TestTotals.FromDirectory(resultsDirectory);
        if (totals.Passed + totals.Failed + totals.Skipped == 0 && process.ExitCode != 0)
            throw new TestRunException($"dotnet test {solutionOrProject} exited {process.ExitCode} without test results. Last output: {string.Join(" | ", tail.Where(l => l.Trim().Length > 0).TakeLast(12))}");
        // A build error means a whole project's tests are missing from the counts; a non-zero exit that failed tests
        // do not explain means a test host died. Either way the run must not pass.
        var errors = buildErrors.Distinct().Take(5).ToArray();
        if (process.ExitCode != 0 && errors.Length > 0)
            return totals with { RunFailure = $"a test project failed to build, its tests did not run: {string.Join(" | ", errors)}" };
        if (process.ExitCode != 0 && totals.Failed == 0 && hostErrors.Count > 0)
            return totals with { RunFailure = $"a test host failed, its tests did not run: {string.Join(" ", hostErrors)}" };
        if (process.ExitCode != 0 && totals.Failed == 0)
            return totals with { RunFailure = $"dotnet test exited {process.ExitCode} although no test failed (a test host crashed?): {string.Join(" | ", tail.Where(l => l.Trim().Length > 0).TakeLast(6))}" };
        return totals;
    }

    /// <summary>The dotnet host running this build (so the same SDK runs the tests), else dotnet on PATH.</summary>
    private static string DotNetExecutable()
    {
        var host = Environment.ProcessPath;
        return host is not null && Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? host : "dotnet";
    }
}
