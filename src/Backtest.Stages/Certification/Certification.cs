using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Backtest.Lake.Files;

namespace Backtest.Stages.Certification;

/// <summary>
/// The certification batch: a fixed, fully synthetic run (golden/batch: parameters and planted effects, with the
/// repository's specs) executed by a child pipeline in an isolated root, whose key artifacts are compared with
/// golden/expected as canonical text: exact for data, with a readable diff (first differing rows, numeric
/// deltas) on mismatch. Accepting rewrites golden/expected.
/// </summary>
public static class Certification
{
    /// <summary>Batch definition folder.</summary>
    public const string BatchFolder = "golden/batch";
    /// <summary>Expected artifacts folder.</summary>
    public const string ExpectedFolder = "golden/expected";
    /// <summary>Tables longer than this are stored as a digest plus a sample of rows (keeps golden/ reviewable).</summary>
    public const int FullTextMaxLines = 3000;

    /// <summary>What a certification found.</summary>
    public sealed record Outcome(bool Passed, int Compared, IReadOnlyList<string> Differences, string Root);

    /// <summary>
    /// The Certify target: runs the batch, logs up to eight differing artifacts through <paramref name="warn"/>, and
    /// returns the summary line; throws, naming the kept run folder and --accept, when artifacts differ.
    /// </summary>
    public static string Certify(string repoRoot, string buildDll, bool accept, Action<string> log, Action<string> warn, CancellationToken cancel)
    {
        var outcome = Run(repoRoot, buildDll, accept, log, cancel);
        var summary = $"{outcome.Compared} artifacts {(accept ? "accepted" : outcome.Passed ? "match golden" : $"compared, {outcome.Differences.Count} differ")}";
        if (outcome.Passed) return summary;
        foreach (var difference in outcome.Differences.Take(8)) warn(difference);
        if (outcome.Differences.Count > 8) warn($"… and {outcome.Differences.Count - 8} more differing artifacts");
        throw new InvalidOperationException($"certification failed: {outcome.Differences.Count} of {outcome.Compared} artifacts differ from golden/expected " +
            $"(diffs above; the run is kept at {outcome.Root}). If the change is intended, rerun with --accept and commit golden/.");
    }

    /// <summary>Runs the batch with the build at <paramref name="buildDll"/> and compares (or, accepting, rewrites) golden/.</summary>
    public static Outcome Run(string repoRoot, string buildDll, bool accept, Action<string> log, CancellationToken cancel)
    {
        var root = Path.Combine(Path.GetTempPath(), $"backtest-certify-{Guid.NewGuid():N}");
        try
        {
            Prepare(repoRoot, root);
            RunChild(buildDll, root, log, cancel);
            var actual = Artifacts(root);
            var expectedDir = Path.Combine(repoRoot, ExpectedFolder);
            if (accept)
            {
                if (Directory.Exists(expectedDir)) Directory.Delete(expectedDir, recursive: true);
                foreach (var (name, text) in actual) AtomicFile.WriteAllText(Path.Combine(expectedDir, name), text);
                log($"golden/expected rewritten: {actual.Count} artifacts");
                Directory.Delete(root, recursive: true);
                return new Outcome(true, actual.Count, [], root);
            }
            var differences = Compare(expectedDir, actual);
            if (differences.Count == 0) Directory.Delete(root, recursive: true);
            return new Outcome(differences.Count == 0, actual.Count, differences, root);
        }
        catch
        {
            log($"certification root kept for inspection: {root}");
            throw;
        }
    }

    /// <summary>The isolated root: the repository's specs, the batch's effects and parameters.</summary>
    private static void Prepare(string repoRoot, string root)
    {
        Copy(Path.Combine(repoRoot, "spec"), Path.Combine(root, "spec"));
        var batch = Path.Combine(repoRoot, BatchFolder);
        if (!Directory.Exists(batch)) throw new FileNotFoundException($"{BatchFolder} is missing: it defines the certification batch");
        File.Copy(Path.Combine(batch, "sim_effects.yaml"), Path.Combine(root, "spec", "sim_effects.yaml"), overwrite: true);
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        File.Copy(Path.Combine(batch, "parameters.json"), Path.Combine(root, ".nuke", "parameters.json"));
    }

    private static void RunChild(string buildDll, string root, Action<string> log, CancellationToken cancel)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root,
        };
        foreach (var a in new[] { buildDll, "Walkforward", "--root", root, "--verbosity", "minimal" }) psi.ArgumentList.Add(a);
        log($"certification batch: {string.Join(' ', psi.ArgumentList)}");
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start the certification run");
        var output = new StringBuilder();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        using (cancel.Register(() => { try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } }))
            p.WaitForExit();
        cancel.ThrowIfCancellationRequested();
        if (p.ExitCode != 0)
        {
            var text = output.ToString();
            throw new InvalidOperationException($"the certification batch failed (exit {p.ExitCode}):\n{text[Math.Max(0, text.Length - 4000)..]}");
        }
    }

    /// <summary>The canonical texts of the batch's key artifacts, by golden name.</summary>
    public static SortedDictionary<string, string> Artifacts(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Add(string relative)
        {
            var text = CanonicalText.Of(Path.Combine(root, relative));
            result[CanonicalText.GoldenName(relative).Replace('\\', '/')] = Condense(text);
        }
        var reports = Path.Combine(root, "data", "reports");
        Add("data/reports/atlas/candidate_plan.jsonl");
        foreach (var dir in Sorted(Path.Combine(reports, "discovery")))
            if (Path.GetFileName(dir).StartsWith("fold", StringComparison.Ordinal)) Add(Rel(root, Path.Combine(dir, "hypotheses.parquet")));
        foreach (var dir in Sorted(Path.Combine(reports, "bridge")))
            if (Path.GetFileName(dir).StartsWith("fold", StringComparison.Ordinal)) Add(Rel(root, Path.Combine(dir, "validated.parquet")));
        foreach (var dir in Sorted(Path.Combine(reports, "blueprints")))
            if (Path.GetFileName(dir).StartsWith("fold", StringComparison.Ordinal)) Add(Rel(root, Path.Combine(dir, "blueprints.json")));
        foreach (var run in Sorted(Path.Combine(reports, "walkforward")))
            foreach (var file in new[] { "folds.parquet", "trades.parquet", "equity.parquet", "metrics.json" })
                Add(Rel(root, Path.Combine(run, file)));
        return result;
    }

    /// <summary>Long tables become a digest of the full text plus every k-th line, so golden/ stays small but exact.</summary>
    public static string Condense(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length <= FullTextMaxLines) return text;
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var step = (int)Math.Ceiling(lines.Length / (double)(FullTextMaxLines / 2));
        var sb = new StringBuilder();
        sb.Append("# sha256 of the full canonical text: ").Append(digest).Append('\n');
        sb.Append("# ").Append(lines.Length - 1).Append(" lines; every ").Append(step).Append("th shown (line number first)\n");
        sb.Append(lines[0]).Append('\n');
        for (var i = 1; i < lines.Length; i += step) sb.Append(i + 1).Append(':').Append(lines[i]).Append('\n');
        return sb.ToString();
    }

    private static List<string> Compare(string expectedDir, SortedDictionary<string, string> actual)
    {
        var differences = new List<string>();
        var expected = Directory.Exists(expectedDir)
            ? Directory.EnumerateFiles(expectedDir, "*", SearchOption.AllDirectories).Select(f => Rel(expectedDir, f)).Order(StringComparer.Ordinal).ToArray()
            : [];
        foreach (var name in expected)
            if (!actual.ContainsKey(name)) differences.Add($"{name}: expected, but the batch did not produce it");
        foreach (var (name, text) in actual.OrderBy(kv => Priority(kv.Key)).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(expectedDir, name);
            if (!File.Exists(path)) { differences.Add($"{name}: produced, but golden/expected has no such file"); continue; }
            if (GoldenDiff.Describe(name, File.ReadAllText(path).Replace("\r\n", "\n"), text) is { } diff) differences.Add(diff);
        }
        return differences;
    }

    /// <summary>Headline artifacts first, so the first diff a reader sees is the one that matters most.</summary>
    private static int Priority(string name) =>
        name.EndsWith("metrics.json", StringComparison.Ordinal) ? 0
        : name.EndsWith("folds.csv", StringComparison.Ordinal) ? 1
        : name.EndsWith("trades.csv", StringComparison.Ordinal) ? 2
        : name.EndsWith("equity.csv", StringComparison.Ordinal) ? 3
        : name.Contains("/bridge/", StringComparison.Ordinal) ? 4
        : name.Contains("/blueprints/", StringComparison.Ordinal) ? 5
        : name.Contains("/discovery/", StringComparison.Ordinal) ? 6
        : 7;

    private static IEnumerable<string> Sorted(string dir) =>
        Directory.Exists(dir) ? Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal) : [];

    private static string Rel(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static void Copy(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }
}
