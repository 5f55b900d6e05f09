namespace Backtest.Lake.Files;

/// <summary>
/// Writes a file so that readers and crashes see either the old content or the new, never a torn file:
/// write a temp file in the same folder, flush it to disk, rename over the target. On failure the temp
/// file is removed. (Action outputs are committed this way by the runner; this is for the other writes.)
/// </summary>
public static class AtomicFile
{
    /// <summary>The marker in temp names, so a later run can sweep leftovers of a killed process.</summary>
    public const string TempMarker = ".tmp-";

    /// <summary>Writes through <paramref name="write"/> into a temp file, then renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}{TempMarker}{Guid.NewGuid():N}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes bytes atomically.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Write(path, s => s.Write(copy));
    }

    /// <summary>Writes UTF-8 text (no BOM, as given) atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, s => { using var w = new StreamWriter(s, new System.Text.UTF8Encoding(false), leaveOpen: true); w.Write(text); });

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
