using System.Buffers.Binary;
using System.Text;
using Backtest.Parquet.Tests.Conformance;
using Backtest.Parquet.Tests.Support;

namespace Backtest.Parquet.Tests.Corruption;

/// <summary>Each bad input and the exact message a user sees: the file, then what is wrong in one paragraph.</summary>
public sealed class ErrorMessageTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string> Cases() => new()
    {
        { "empty file", "not a Parquet file: it has 0 bytes, fewer than the 12 of an empty Parquet file" },
        { "csv text", "not a Parquet file: it does not start with the magic bytes PAR1" },
        { "last byte cut", "truncated or not a Parquet file: it does not end with the magic bytes PAR1 (a file cut short loses its footer)" },
        { "half the file cut", "truncated or not a Parquet file: it does not end with the magic bytes PAR1 (a file cut short loses its footer)" },
        { "footer length too large", "truncated or corrupt footer: it claims 1000000 bytes but the file has room for {room}" },
        { "footer garbage", "corrupt footer at byte 1: field FileMetaData.version has wire type 7, expected 5" },
        { "encrypted footer", "the file has an encrypted footer (PARE), which this reader does not support" },
        { "page header garbage", "column 'ts': a page of 2147483647 bytes overruns the column chunk ({left} bytes left)" },
        { "zstd (DuckDB)", "column 'x' is compressed with ZSTD, which this reader does not support (it reads UNCOMPRESSED, SNAPPY and GZIP); re-export the file with one of those, e.g. in DuckDB: COPY (SELECT * FROM 'in.parquet') TO 'out.parquet' (FORMAT parquet, COMPRESSION snappy)" },
        { "nested schema (DuckDB)", "column 's' is a nested group; only flat schemas of primitive columns are supported" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gives_the_exact_message(string input, string expected)
    {
        var (path, placeholders) = Make(input);
        var ex = Assert.Throws<ParquetFormatException>(() => ParquetFile.Read(path));
        foreach (var (key, value) in placeholders) expected = expected.Replace("{" + key + "}", value);
        Assert.Equal(path, ex.File);
        Assert.Equal(expected, ex.Problem);
        Assert.Equal($"{path}: {expected}", ex.Message);
    }

    private (string Path, Dictionary<string, string> Placeholders) Make(string input)
    {
        var placeholders = new Dictionary<string, string>();
        var valid = Valid();
        byte[] bytes;
        switch (input)
        {
            case "empty file": bytes = []; break;
            case "csv text": bytes = Encoding.UTF8.GetBytes("ts,open,high,low,close\n1,2,3,4,5\n"); break;
            case "last byte cut": bytes = valid[..^1]; break;
            case "half the file cut": bytes = valid[..(valid.Length / 2)]; break;
            case "footer length too large":
                bytes = (byte[])valid.Clone();
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(bytes.Length - 8), 1_000_000);
                placeholders["room"] = (bytes.Length - 12).ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "footer garbage":
            {
                bytes = (byte[])valid.Clone();
                var footerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8));
                bytes[bytes.Length - 8 - footerLength] = 0x17; // field 1 (version) with wire type 7 (double)
                break;
            }
            case "encrypted footer":
                bytes = (byte[])valid.Clone();
                "PARE"u8.CopyTo(bytes.AsSpan(bytes.Length - 4));
                break;
            case "page header garbage":
            {
                bytes = (byte[])valid.Clone();
                // The first page header starts right after PAR1: type DATA_PAGE, then the sizes; make the compressed size huge.
                ReadOnlySpan<byte> header = [0x15, 0x00, 0x15, 0x02, 0x15, 0xFE, 0xFF, 0xFF, 0xFF, 0x0F, 0x00];
                header.CopyTo(bytes.AsSpan(4));
                using var reader = new ParquetReader(new MemoryStream(valid));
                placeholders["left"] = (reader.Metadata.RowGroups[0].Columns[0].CompressedSize - header.Length).ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            }
            case "zstd (DuckDB)": bytes = File.ReadAllBytes(Path.Combine(DuckDbVectorTests.Folder, "zstd.parquet")); break;
            case "nested schema (DuckDB)": bytes = File.ReadAllBytes(Path.Combine(DuckDbVectorTests.Folder, "nested.parquet")); break;
            default: throw new ArgumentException(input);
        }
        var path = _dir.File(input.Replace(' ', '_') + ".parquet");
        File.WriteAllBytes(path, bytes);
        return (path, placeholders);
    }

    private static byte[] Valid()
    {
        var ms = new MemoryStream();
        ParquetFile.Write(ms, new ParquetTable(ParquetColumn.TimestampMillisUtc("ts", [1, 2, 3]), ParquetColumn.Double("x", [1, 2, 3])),
            new ParquetWriteOptions { Compression = ParquetCompression.Uncompressed });
        return ms.ToArray();
    }
}
