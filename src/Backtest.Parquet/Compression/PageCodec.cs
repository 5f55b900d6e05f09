using System.Buffers;
using System.IO.Compression;
using Backtest.Parquet.Encodings;

namespace Backtest.Parquet.Compression;

/// <summary>Compresses and decompresses page bodies for the codecs we support, and names those we do not.</summary>
internal static class PageCodec
{
    /// <summary>Snappy's worst expansion is under 22× (a 3-byte copy yields 64 bytes); gzip's deflate under 1032×.</summary>
    private const long SnappyMaxRatio = 22;
    private const long GzipMaxRatio = 1032;

    /// <summary>True for the codecs this reader can decode.</summary>
    public static bool IsSupported(int codec) => codec is 0 or 1 or 2;

    /// <summary>The message for a codec we cannot decode, with how to re-export the file.</summary>
    public static string UnsupportedMessage(int codec, string column)
    {
        var name = Enum.IsDefined(typeof(ParquetCompression), codec) ? ((ParquetCompression)codec).ToString().ToUpperInvariant() : $"codec #{codec}";
        return $"column '{column}' is compressed with {name}, which this reader does not support (it reads UNCOMPRESSED, SNAPPY and GZIP); "
            + "re-export the file with one of those, e.g. in DuckDB: COPY (SELECT * FROM 'in.parquet') TO 'out.parquet' (FORMAT parquet, COMPRESSION snappy)";
    }

    /// <summary>Checks a declared uncompressed size is possible for the compressed size, before anything is allocated.</summary>
    public static bool IsPlausible(int codec, long compressed, long uncompressed) => codec switch
    {
        0 => uncompressed == compressed,
        1 => uncompressed <= compressed * SnappyMaxRatio + 64,
        2 => uncompressed <= compressed * GzipMaxRatio + 64,
        _ => false,
    };

    /// <summary>Decompresses exactly <c>dst.Length</c> bytes.</summary>
    public static void Decompress(int codec, ReadOnlySpan<byte> src, Span<byte> dst)
    {
        switch (codec)
        {
            case 0:
                if (src.Length != dst.Length) throw new PageDataException($"uncompressed page holds {src.Length} bytes but declares {dst.Length}");
                src.CopyTo(dst);
                return;
            case 1:
                Snappy.Decompress(src, dst);
                return;
            case 2:
                Gunzip(src, dst);
                return;
            default:
                throw new PageDataException($"codec #{codec} is not supported");
        }
    }

    /// <summary>Compresses <paramref name="src"/> into a pooled buffer; returns it and the compressed length (return the buffer to the pool).</summary>
    public static (byte[] Buffer, int Length) Compress(ParquetCompression codec, ReadOnlySpan<byte> src)
    {
        switch (codec)
        {
            case ParquetCompression.Snappy:
            {
                var buffer = ArrayPool<byte>.Shared.Rent(Snappy.MaxCompressedLength(src.Length));
                var length = Snappy.Compress(src, buffer);
                return (buffer, length);
            }
            case ParquetCompression.Gzip when src.IsEmpty:
            {
                // GZipStream writes nothing for no input; readers expect a complete (empty) gzip member.
                ReadOnlySpan<byte> empty = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];
                var buffer = ArrayPool<byte>.Shared.Rent(empty.Length);
                empty.CopyTo(buffer);
                return (buffer, empty.Length);
            }
            case ParquetCompression.Gzip:
            {
                using var ms = new MemoryStream(src.Length / 2 + 64);
                using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(src);
                var buffer = ArrayPool<byte>.Shared.Rent((int)ms.Length);
                ms.GetBuffer().AsSpan(0, (int)ms.Length).CopyTo(buffer);
                return (buffer, (int)ms.Length);
            }
            default:
            {
                var buffer = ArrayPool<byte>.Shared.Rent(src.Length);
                src.CopyTo(buffer);
                return (buffer, src.Length);
            }
        }
    }

    private static unsafe void Gunzip(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        if (src.IsEmpty)
        {
            if (dst.IsEmpty) return;
            throw new PageDataException($"GZIP page is empty but declares {dst.Length} bytes");
        }
        fixed (byte* p = src)
        {
            using var input = new UnmanagedMemoryStream(p, src.Length);
            using var gz = new GZipStream(input, CompressionMode.Decompress);
            var total = 0;
            try
            {
                while (total < dst.Length)
                {
                    var n = gz.Read(dst.Slice(total));
                    if (n == 0) break;
                    total += n;
                }
                if (total != dst.Length) throw new PageDataException($"GZIP page yields {total} bytes but declares {dst.Length}");
                Span<byte> probe = stackalloc byte[1];
                if (gz.Read(probe) != 0) throw new PageDataException($"GZIP page yields more than the {dst.Length} bytes it declares");
            }
            catch (InvalidDataException e)
            {
                throw new PageDataException($"GZIP data is corrupt ({e.Message})");
            }
        }
    }
}
