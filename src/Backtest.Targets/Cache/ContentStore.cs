namespace Backtest.Targets;

/// <summary>
/// The content-addressed blob store <c>data/cache/cas/&lt;aa&gt;/&lt;sha256&gt;</c>: every committed output is kept
/// here by content (a hard link when possible, else a copy), so reverting an edit restores old results without
/// recomputing them. Blobs are verified against their name before they are restored.
/// </summary>
internal sealed class ContentStore(string directory)
{
    /// <summary>The store's folder.</summary>
    public string Directory { get; } = directory;

    /// <summary>Where the blob of <paramref name="sha256"/> lives.</summary>
    public string PathOf(string sha256) => Path.Combine(Directory, sha256[..2], sha256);

    /// <summary>True when a blob exists (not verified).</summary>
    public bool Contains(string sha256) => File.Exists(PathOf(sha256));

    /// <summary>Adds the file at <paramref name="path"/> (whose hash is <paramref name="sha256"/>) unless present.</summary>
    public void Put(string path, string sha256)
    {
        var blob = PathOf(sha256);
        if (File.Exists(blob)) return;
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(blob)!);
        if (HardLink.TryCreate(path, blob) || File.Exists(blob)) return;
        var temporary = TemporaryFiles.NameFor(blob);
        try
        {
            File.Copy(path, temporary);
            AtomicFile.FlushToDisk(temporary);
            File.Move(temporary, blob, overwrite: true);
        }
        finally
        {
            TemporaryFiles.TryDelete(temporary);
        }
    }

    /// <summary>True when the blob exists and its content matches its name; a corrupt blob is deleted.</summary>
    public bool Verify(string sha256)
    {
        var blob = PathOf(sha256);
        if (!File.Exists(blob)) return false;
        if (ContentHash.OfFile(blob) == sha256) return true;
        TemporaryFiles.TryDelete(blob);
        return false;
    }

    /// <summary>Places the blob at <paramref name="destination"/> atomically (link or copy to a temporary file, then rename).</summary>
    public void Materialize(string sha256, string destination)
    {
        var blob = PathOf(sha256);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var temporary = TemporaryFiles.NameFor(destination);
        try
        {
            if (!HardLink.TryCreate(blob, temporary))
            {
                File.Copy(blob, temporary);
                AtomicFile.FlushToDisk(temporary);
            }
            File.Move(temporary, destination, overwrite: true);
        }
        finally
        {
            TemporaryFiles.TryDelete(temporary);
        }
    }

    /// <summary>Every blob as (hash, absolute path, bytes), sorted by hash.</summary>
    public IReadOnlyList<(string Sha256, string Path, long Bytes)> Enumerate()
    {
        var blobs = new List<(string, string, long)>();
        if (!System.IO.Directory.Exists(Directory)) return blobs;
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*", TemporaryFiles.AllFiles(recurse: true)))
        {
            if (TemporaryFiles.IsTemporary(file)) continue;
            blobs.Add((Path.GetFileName(file), file, new FileInfo(file).Length));
        }
        blobs.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return blobs;
    }
}
