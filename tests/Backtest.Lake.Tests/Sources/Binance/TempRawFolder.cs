using System.IO.Compression;
using System.Text;
using Backtest.Testing;

namespace Backtest.Lake.Tests.Sources.Binance;

/// <summary>A throw-away raw folder for one test, with writers for the three packings Binance files come in.</summary>
public sealed class TempRawFolder : IDisposable
{
    /// <summary>Creates an empty folder under the system temp folder.</summary>
    public TempRawFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "backtest-binance-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    /// <summary>Full path of the folder.</summary>
    public string Root { get; }

    /// <summary>The committed fixtures (read in place: the test project copies only vectors/** to its output).</summary>
    public static string Fixtures => Path.Combine(RepoPaths.Root, "tests", "Backtest.Lake.Tests", "fixtures", "binance");

    /// <summary>Text of a committed fixture.</summary>
    public static string Fixture(string name) => File.ReadAllText(Path.Combine(Fixtures, name));

    /// <summary>Writes a plain CSV at a relative path and returns its full path.</summary>
    public string Plain(string relativePath, string csv)
    {
        var path = Prepare(relativePath);
        File.WriteAllText(path, csv, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Writes a gzip'd CSV at a relative path.</summary>
    public string Gzip(string relativePath, string csv)
    {
        var path = Prepare(relativePath);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        gzip.Write(Encoding.UTF8.GetBytes(csv));
        return path;
    }

    /// <summary>Writes a zip holding CSV entries (Data Vision zips hold one, named like the archive).</summary>
    public string Zip(string relativePath, params (string Entry, string Csv)[] entries)
    {
        var path = Prepare(relativePath);
        File.WriteAllBytes(path, ZipBytes(entries));
        return path;
    }

    /// <summary>Bytes of a zip of CSV entries with fixed timestamps, so the same content gives the same bytes.</summary>
    public static byte[] ZipBytes(params (string Entry, string Csv)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (entry, csv) in entries)
            {
                var e = zip.CreateEntry(entry, CompressionLevel.Optimal);
                e.LastWriteTime = new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero);
                using var s = e.Open();
                s.Write(Encoding.UTF8.GetBytes(csv));
            }
        }
        return memory.ToArray();
    }

    private string Prepare(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>Deletes the folder.</summary>
    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
