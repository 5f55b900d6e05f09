namespace Backtest.Targets;

/// <summary>
/// Writes whole files atomically: a temporary file in the same folder, flushed to disk, then renamed over the
/// destination. Readers see the old content or the new one, never a torn file.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/> atomically, creating its folder.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = TemporaryFiles.NameFor(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TemporaryFiles.TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Flushes a file written by someone else to disk (before it is renamed into place).</summary>
    public static void FlushToDisk(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.None);
        stream.Flush(flushToDisk: true);
    }
}
