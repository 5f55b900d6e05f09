using Xunit;
using System.Diagnostics;

namespace Backtest.Testing;

/// <summary>
/// Independent reference implementations the tests compare against (python/scipy/statsmodels, R, DuckDB,
/// Chromium, the shared real data). Locally a missing tool skips the test with the reason; in CI
/// (CI=true) it does not skip, so the test fails: a skipped required check is a failure there.
/// </summary>
public static class ReferenceTools
{
    /// <summary>Debian's python3 with numpy, scipy and statsmodels.</summary>
    public const string Python = "python";
    /// <summary>R (Rscript from r-base-core).</summary>
    public const string R = "R";
    /// <summary>DuckDB through node and tests/duckdb/node_modules/@duckdb/node-api.</summary>
    public const string DuckDb = "duckdb";
    /// <summary>Debian's chromium, for rendering reports headless.</summary>
    public const string Chromium = "chromium";
    /// <summary>../shared/data/real beside the clone.</summary>
    public const string RealData = "realdata";

    private static readonly Dictionary<string, Lazy<string?>> Probes = new()
    {
        [Python] = new(() => RunProbe("/usr/bin/python3", "-c \"import numpy, scipy, statsmodels\"")
            ? null : "needs /usr/bin/python3 with numpy, scipy and statsmodels (apt-get install python3-numpy python3-scipy python3-statsmodels)"),
        [R] = new(() => File.Exists("/usr/bin/Rscript") ? null : "needs Rscript (apt-get install r-base-core)"),
        [DuckDb] = new(() =>
            !File.Exists("/usr/bin/node") && FindOnPath("node") is null ? "needs node on PATH"
            : Directory.Exists(Path.Combine(RepoPaths.Root, "tests", "duckdb", "node_modules", "@duckdb", "node-api")) ? null
            : "needs tests/duckdb/node_modules (run: npm ci --prefix tests/duckdb)"),
        [Chromium] = new(() => File.Exists("/usr/bin/chromium") ? null : "needs /usr/bin/chromium (apt-get install chromium)"),
        [RealData] = new(() => Directory.Exists(RepoPaths.RealData) ? null : $"needs the shared real data at {RepoPaths.RealData}"),
    };

    /// <summary>Null when the tool is usable, else why not.</summary>
    public static string? Missing(string tool) =>
        Probes.TryGetValue(tool, out var probe) ? probe.Value : throw new ArgumentException($"unknown reference tool '{tool}'");

    /// <summary>The skip reason for a test needing <paramref name="tools"/>: null to run (always null in CI).</summary>
    public static string? SkipReason(params string[] tools)
    {
        if (RepoPaths.InCi) return null;
        foreach (var tool in tools)
            if (Missing(tool) is { } reason) return reason;
        return null;
    }

    /// <summary>Fails the test (used in CI, where skipping is not allowed) when a tool is missing.</summary>
    public static void Require(params string[] tools)
    {
        foreach (var tool in tools)
            if (Missing(tool) is { } reason)
                throw new InvalidOperationException($"required reference tool missing in CI: {reason}");
    }

    /// <summary>Runs a python script with /usr/bin/python3, feeding stdin, returning stdout (throws with stderr on failure).</summary>
    public static string RunPython(string script, string stdin = "") => Run("/usr/bin/python3", ["-c", script], stdin);

    /// <summary>Runs an R script with Rscript, returning stdout.</summary>
    public static string RunR(string script, string stdin = "") => Run("/usr/bin/Rscript", ["--vanilla", "-e", script], stdin);

    /// <summary>
    /// Runs a program with arguments, returning stdout; throws naming the exit code and stderr on failure.
    /// <paramref name="environment"/> sets variables for the child (a null value removes one).
    /// </summary>
    public static string Run(string fileName, IEnumerable<string> args, string stdin = "", string? workingDirectory = null, int timeoutMs = 300_000,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false, WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            if (value is null) psi.Environment.Remove(name); else psi.Environment[name] = value;
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        if (!p.WaitForExit(timeoutMs)) { p.Kill(true); throw new TimeoutException($"{fileName} did not finish in {timeoutMs} ms"); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"{fileName} exited {p.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    private static bool RunProbe(string file, string args)
    {
        if (!File.Exists(file)) return false;
        try
        {
            using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false });
            if (p is null) return false;
            p.WaitForExit(60_000);
            return p.HasExited && p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }

    private static string? FindOnPath(string exe) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, exe)).FirstOrDefault(File.Exists);
}

/// <summary>A fact that compares against an independent reference tool: skipped locally without it, failing in CI.</summary>
public sealed class ReferenceFactAttribute : FactAttribute
{
    /// <summary>Names the tools (see <see cref="ReferenceTools"/> constants) the test needs.</summary>
    public ReferenceFactAttribute(params string[] tools) => Skip = ReferenceTools.SkipReason(tools);
}

/// <summary>A theory over reference tool output: skipped locally without the tool, failing in CI.</summary>
public sealed class ReferenceTheoryAttribute : TheoryAttribute
{
    /// <summary>Names the tools (see <see cref="ReferenceTools"/> constants) the test needs.</summary>
    public ReferenceTheoryAttribute(params string[] tools) => Skip = ReferenceTools.SkipReason(tools);
}
