namespace Backtest.Targets.Tests;

/// <summary>A throwaway repository root (with <c>.nuke/</c>) for one test; deleted on dispose.</summary>
public sealed class ScratchRoot : IDisposable
{
    public ScratchRoot()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bt-targets-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(System.IO.Path.Combine(Path, ".nuke"));
    }

    public string Path { get; }

    /// <summary>Absolute path of a root-relative path.</summary>
    public string this[string relative] => System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public void Write(string relative, string content)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(this[relative])!);
        File.WriteAllText(this[relative], content);
    }

    public string Read(string relative) => File.ReadAllText(this[relative]);

    public bool Exists(string relative) => File.Exists(this[relative]);

    /// <summary>Every file below the root (relative, sorted), temporaries and hidden files included.</summary>
    public IReadOnlyList<string> Files(string under = "") =>
        Directory.Exists(this[under.Length == 0 ? "." : under])
            ? Directory.EnumerateFiles(this[under.Length == 0 ? "." : under], "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                .Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Path → (bytes, mtime) of every file: to prove a command wrote nothing.</summary>
    public IReadOnlyDictionary<string, (string Content, DateTime Modified)> Snapshot() =>
        Files().ToDictionary(f => f, f => (Convert.ToBase64String(File.ReadAllBytes(this[f])), File.GetLastWriteTimeUtc(this[f])));

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
