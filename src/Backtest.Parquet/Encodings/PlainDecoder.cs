using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Backtest.Parquet.Encodings;

/// <summary>PLAIN decoding: little-endian fixed-width values copied in bulk, LSB-first booleans, length-prefixed strings.</summary>
internal static class PlainDecoder
{
    /// <summary>Copies <c>dst.Length</c> fixed-width values; returns the bytes consumed.</summary>
    public static int Fixed<T>(ReadOnlySpan<byte> src, Span<T> dst) where T : unmanaged
    {
        var bytes = (long)dst.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (bytes > src.Length) throw new PageDataException($"PLAIN data holds {src.Length} bytes but {dst.Length} values need {bytes}");
        MemoryMarshal.Cast<byte, T>(src[..(int)bytes]).CopyTo(dst);
        return (int)bytes;
    }

    /// <summary>Unpacks <c>dst.Length</c> bit-packed booleans.</summary>
    public static int Booleans(ReadOnlySpan<byte> src, Span<bool> dst)
    {
        var bytes = (dst.Length + 7) / 8;
        if (bytes > src.Length) throw new PageDataException($"PLAIN booleans hold {src.Length} bytes but {dst.Length} values need {bytes}");
        for (var i = 0; i < dst.Length; i++) dst[i] = (src[i >> 3] >> (i & 7) & 1) != 0;
        return bytes;
    }

    /// <summary>Decodes <c>dst.Length</c> length-prefixed UTF-8 strings.</summary>
    public static int Strings(ReadOnlySpan<byte> src, Span<string?> dst)
    {
        var pos = 0;
        for (var i = 0; i < dst.Length; i++)
        {
            if (src.Length - pos < 4) throw new PageDataException($"PLAIN byte array {i} has no length prefix");
            var length = BinaryPrimitives.ReadUInt32LittleEndian(src.Slice(pos, 4));
            pos += 4;
            if (length > (uint)(src.Length - pos)) throw new PageDataException($"PLAIN byte array {i} of {length} bytes overruns the page");
            dst[i] = Encoding.UTF8.GetString(src.Slice(pos, (int)length));
            pos += (int)length;
        }
        return pos;
    }
}
