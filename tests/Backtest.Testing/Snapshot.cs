using System.Runtime.CompilerServices;
using System.Text;

namespace Backtest.Testing;

/// <summary>
/// Verify-style snapshot files: the expected output lives beside the test as
/// <c>&lt;TestFile&gt;.&lt;name&gt;.verified.&lt;ext&gt;</c>; a mismatch writes <c>.received.</c> beside it and fails
/// with the first differing lines. Accept by renaming received to verified (or set
/// BACKTEST_ACCEPT_SNAPSHOTS=1 locally; never honoured in CI).
/// </summary>
public static class Snapshot
{
    /// <summary>Compares <paramref name="actual"/> to the verified snapshot named <paramref name="name"/>.</summary>
    public static void Verify(string actual, string name, string extension = "txt", [CallerFilePath] string testFile = "")
    {
        var dir = Path.GetDirectoryName(SourcePath(testFile))!;
        var stem = Path.GetFileNameWithoutExtension(testFile);
        var verified = Path.Combine(dir, $"{stem}.{name}.verified.{extension}");
        var received = Path.Combine(dir, $"{stem}.{name}.received.{extension}");
        actual = Normalise(actual);

        if (File.Exists(verified) && Normalise(File.ReadAllText(verified)) == actual)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        var accept = !RepoPaths.InCi && Environment.GetEnvironmentVariable("BACKTEST_ACCEPT_SNAPSHOTS") == "1";
        if (accept)
        {
            File.WriteAllText(verified, actual);
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        if (!File.Exists(verified))
            throw new SnapshotMismatchException($"no verified snapshot {verified}; review {received} and rename it to .verified. to accept");
        throw new SnapshotMismatchException($"snapshot {verified} differs from {received}:\n{Diff(Normalise(File.ReadAllText(verified)), actual)}");
    }

    /// <summary>The first differing lines of two texts, in a unified-ish form, for failure messages.</summary>
    public static string Diff(string expected, string actual, int maxLines = 12)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var sb = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(e.Length, a.Length) && shown < maxLines; i++)
        {
            var el = i < e.Length ? e[i] : null;
            var al = i < a.Length ? a[i] : null;
            if (el == al) continue;
            sb.Append("line ").Append(i + 1).Append('\n');
            if (el is not null) sb.Append("  - ").Append(el).Append('\n');
            if (al is not null) sb.Append("  + ").Append(al).Append('\n');
            shown++;
        }
        if (e.Length != a.Length) sb.Append($"({e.Length} lines expected, {a.Length} received)\n");
        return sb.ToString();
    }

    /// <summary>
    /// The test file on disk: deterministic builds map the repository root to "/_/" in [CallerFilePath]
    /// (Directory.Build.props PathMap), so map it back.
    /// </summary>
    public static string SourcePath(string callerFilePath) =>
        callerFilePath.StartsWith("/_/", StringComparison.Ordinal)
            ? Path.Combine(RepoPaths.Root, callerFilePath["/_/".Length..])
            : callerFilePath;

    private static string Normalise(string text) => text.Replace("\r\n", "\n");
}

/// <summary>Raised when a snapshot differs from its verified file.</summary>
public sealed class SnapshotMismatchException(string message) : Exception(message);
