using System.Buffers.Binary;

namespace Backtest.Parquet.Encodings;

/// <summary>
/// Parquet's LSB-first bit packing, shared by the RLE/bit-packed hybrid, booleans and DELTA_BINARY_PACKED.
/// </summary>
internal static class BitPacking
{
    /// <summary>Unpacks <paramref name="count"/> values of <paramref name="width"/> bits (≤ 32) starting at bit 0 of <paramref name="src"/>.</summary>
    public static void Unpack32(ReadOnlySpan<byte> src, int width, Span<int> dst, int count)
    {
        if (width == 0)
        {
            dst[..count].Clear();
            return;
        }
        var mask = width == 32 ? ulong.MaxValue >> 32 : (1UL << width) - 1;
        long bit = 0;
        for (var i = 0; i < count; i++, bit += width)
        {
            var byteIndex = (int)(bit >> 3);
            var shift = (int)(bit & 7);
            dst[i] = (int)((Read64(src, byteIndex) >> shift) & mask);
        }
    }

    /// <summary>Unpacks <paramref name="count"/> values of <paramref name="width"/> bits (≤ 64) as unsigned 64-bit values.</summary>
    public static void Unpack64(ReadOnlySpan<byte> src, int width, Span<ulong> dst, int count)
    {
        if (width == 0)
        {
            dst[..count].Clear();
            return;
        }
        var mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
        long bit = 0;
        for (var i = 0; i < count; i++, bit += width)
        {
            var byteIndex = (int)(bit >> 3);
            var shift = (int)(bit & 7);
            var value = Read64(src, byteIndex) >> shift;
            if (shift + width > 64) value |= (ulong)ReadByteOrZero(src, byteIndex + 8) << (64 - shift);
            dst[i] = value & mask;
        }
    }

    /// <summary>Packs <paramref name="values"/> at <paramref name="width"/> bits each into <paramref name="dst"/> (which must be zeroed).</summary>
    public static void Pack32(ReadOnlySpan<int> values, int width, Span<byte> dst)
    {
        if (width == 0) return;
        long bit = 0;
        foreach (var v in values)
        {
            var u = (ulong)(uint)v;
            var byteIndex = (int)(bit >> 3);
            var shift = (int)(bit & 7);
            var bits = u << shift;
            var n = (shift + width + 7) >> 3;
            for (var k = 0; k < n; k++) dst[byteIndex + k] |= (byte)(bits >> (8 * k));
            bit += width;
        }
    }

    /// <summary>Reads 8 little-endian bytes at <paramref name="index"/>, treating bytes past the end as zero.</summary>
    private static ulong Read64(ReadOnlySpan<byte> src, int index)
    {
        if (index + 8 <= src.Length) return BinaryPrimitives.ReadUInt64LittleEndian(src.Slice(index, 8));
        ulong v = 0;
        for (var k = 0; index + k < src.Length && k < 8; k++) v |= (ulong)src[index + k] << (8 * k);
        return v;
    }

    private static byte ReadByteOrZero(ReadOnlySpan<byte> src, int index) => index < src.Length ? src[index] : (byte)0;
}
