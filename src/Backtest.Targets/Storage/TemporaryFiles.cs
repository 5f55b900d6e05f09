namespace Backtest.Targets;

/// <summary>
/// The one naming scheme for temporary files (hidden, beside their final file, with a recognisable suffix), so
/// that the files of a killed run can be found and swept at the next run start.
/// </summary>
internal static class TemporaryFiles
{
    /// <summary>The suffix every temporary file of the runner carries.</summary>
    public const string Suffix = ".bt-tmp";

    private static long _counter;

    /// <summary>A fresh temporary path in the folder of <paramref name="finalPath"/> (same file system, so the commit is a rename).</summary>
    public static string NameFor(string finalPath)
    {
        var n = Interlocked.Increment(ref _counter);
        var name = Path.GetFileName(finalPath);
        return Path.Combine(Path.GetDirectoryName(finalPath)!, $".{name}.{Environment.ProcessId}-{n}{Suffix}");
    }

    /// <summary>True for names produced by <see cref="NameFor"/>.</summary>
    public static bool IsTemporary(string path) => path.EndsWith(Suffix, StringComparison.Ordinal);

    /// <summary>Enumeration options that see hidden (dot) files too.</summary>
    public static EnumerationOptions AllFiles(bool recurse) => new()
    {
        RecurseSubdirectories = recurse,
        AttributesToSkip = 0,
        IgnoreInaccessible = true,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Deletes every temporary file below <paramref name="folder"/>; returns the root-relative paths removed.</summary>
    public static IReadOnlyList<string> Sweep(string root, string folder)
    {
        var removed = new List<string>();
        if (!Directory.Exists(folder)) return removed;
        foreach (var file in Directory.EnumerateFiles(folder, "*" + Suffix, AllFiles(recurse: true)))
        {
            if (!IsTemporary(file)) continue;
            TryDelete(file);
            removed.Add(RelativePath.FromAbsolute(root, file));
        }
        removed.Sort(StringComparer.Ordinal);
        return removed;
    }

    /// <summary>Deletes a file if it exists, ignoring a concurrent removal.</summary>
    public static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (DirectoryNotFoundException) { }
    }
}
