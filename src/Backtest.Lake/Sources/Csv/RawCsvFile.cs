using System.IO.Compression;

namespace Backtest.Lake.Sources.Csv;

/// <summary>
/// Opens a raw CSV however it is packed (plain, gzip, or a zip of CSV entries as Data Vision serves them),
/// recognised by content rather than by extension, so a renamed file still imports.
/// </summary>
internal static class RawCsvFile
{
    /// <summary>
    /// Calls <paramref name="read"/> for each CSV stream in <paramref name="path"/> (one for plain and gzip files,
    /// one per .csv entry for a zip, in entry-name order) with the name errors should use.
    /// </summary>
    public static List<T> Read<T>(string path, Func<Stream, string, T> read)
    {
        if (!File.Exists(path)) throw new RawDataException(path, null, null, "the file does not exist");
        var results = new List<T>();
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            Span<byte> magic = stackalloc byte[4];
            var got = file.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
            file.Position = 0;
            if (got >= 2 && magic[0] == 0x1F && magic[1] == 0x8B)
            {
                using var gzip = new GZipStream(file, CompressionMode.Decompress);
                results.Add(read(gzip, path));
            }
            else if (got == 4 && magic[0] == 0x50 && magic[1] == 0x4B && (magic[2] == 3 || magic[2] == 5))
            {
                using var zip = new ZipArchive(file, ZipArchiveMode.Read);
                var entries = new List<ZipArchiveEntry>();
                foreach (var entry in zip.Entries)
                    if (entry.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) entries.Add(entry);
                if (entries.Count == 0)
                    throw new RawDataException(path, null, null,
                        "the zip archive holds no .csv entry; Data Vision zips hold one CSV named like the archive");
                entries.Sort((a, b) => string.CompareOrdinal(a.FullName, b.FullName));
                foreach (var entry in entries)
                {
                    using var stream = entry.Open();
                    results.Add(read(stream, $"{path}:{entry.FullName}"));
                }
            }
            else
            {
                results.Add(read(file, path));
            }
        }
        catch (InvalidDataException e)
        {
            throw new RawDataException(path, null, null,
                $"the compressed data is corrupt ({e.Message}); download the file again and check it against its .CHECKSUM", e);
        }
        return results;
    }
}
