using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Backtest.Testing;

namespace Backtest.Pipeline.Tests.EndToEnd;

/// <summary>One finished run of the build: its exit code, everything it printed, and its summary table parsed.</summary>
public sealed partial record BuildRun(int ExitCode, string Output)
{
    /// <summary>Target → (status, info) from the summary table at the end of the output.</summary>
    public IReadOnlyDictionary<string, (string Status, string Info)> Targets { get; } = ParseSummary(Output);

    /// <summary>The status of a target in the summary ("Succeeded", "UpToDate", …); fails the test when it is missing.</summary>
    public string Status(string target) =>
        Targets.TryGetValue(target, out var row) ? row.Status : throw new Xunit.Sdk.XunitException($"no summary row for {target} in:\n{Output}");

    /// <summary>The summary's info of a target, e.g. "ran 2, up to date 17".</summary>
    public string Info(string target) =>
        Targets.TryGetValue(target, out var row) ? row.Info : throw new Xunit.Sdk.XunitException($"no summary row for {target} in:\n{Output}");

    private static Dictionary<string, (string, string)> ParseSummary(string output)
    {
        var rows = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (Match m in SummaryRow().Matches(output))
            rows[m.Groups["target"].Value] = (m.Groups["status"].Value, m.Groups["info"].Value.Trim());
        return rows;
    }

    [GeneratedRegex(@"^(?<target>[A-Za-z]\w*)\s+(?<status>Succeeded|UpToDate|Restored|Failed|Skipped|NotRun|Aborted)\s+(?:<\s*1sec|\d+:\d\d)(?:\s+//\s*(?<info>.*))?$", RegexOptions.Multiline)]
    private static partial Regex SummaryRow();
}

/// <summary>
/// Runs the real pipeline (build/bin/Release/_build.dll, brought up to date once through build.sh exactly as a
/// user's first command would) as a separate process against a scratch root holding a copy of the repository's
/// spec/ folder, so these tests see what a user sees: exit codes, messages, summary statuses and files.
/// </summary>
public static class PipelineProcess
{
    private static readonly Lazy<string> Dll = new(Bootstrap);

    /// <summary>A scratch repository root with a copy of spec/ (and nothing else).</summary>
    public static string NewRoot()
    {
        var root = TempRoot.Create("backtest-e2e");
        CopyTree(Path.Combine(RepoPaths.Root, "spec"), Path.Combine(root, "spec"));
        return root;
    }

    /// <summary>Runs <c>_build.dll --root <paramref name="root"/> args…</c> and waits for it.</summary>
    public static BuildRun Run(string root, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll.Value);
        start.ArgumentList.Add("--root");
        start.ArgumentList.Add(root);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5))) { process.Kill(true); throw new TimeoutException($"the build did not finish in 5 minutes: {string.Join(' ', args)}"); }
        return new BuildRun(process.ExitCode, stdout + stderr.Result);
    }

    /// <summary>Relative path → SHA-256 of every file under <paramref name="folder"/> (empty when it does not exist).</summary>
    public static SortedDictionary<string, string> Hashes(string folder)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return hashes;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            hashes[Path.GetRelativePath(folder, file).Replace('\\', '/')] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        return hashes;
    }

    /// <summary>Deletes a scratch root (best effort: a test's result does not hinge on cleanup).</summary>
    public static void Delete(string root)
    {
        try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    // build.sh rebuilds the runner only when its inputs changed, so this is a fraction of a second in CI (where
    // ./build.sh Test has just built it) and a compile on a developer machine with stale binaries.
    private static string Bootstrap()
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("build.sh");
        start.ArgumentList.Add("--help");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var dll = Path.Combine(RepoPaths.Root, "build", "bin", "Release", "_build.dll");
        if (process.ExitCode != 0 || !File.Exists(dll))
            throw new InvalidOperationException($"./build.sh --help failed ({process.ExitCode}):\n{stdout}{stderr.Result}");
        return dll;
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
