using System.Buffers;

namespace Backtest.Parquet.Encodings;

/// <summary>
/// DELTA_BINARY_PACKED: blocks of zigzag min-delta plus bit-packed miniblocks of deltas. Used for integers
/// by parquet v2 writers and for the lengths inside the DELTA_*_BYTE_ARRAY encodings.
/// </summary>
internal static class DeltaBinaryPacked
{
    private const int MaxBlockSize = 1 << 20;

    /// <summary>Decodes exactly <c>dst.Length</c> values; returns the bytes consumed (readers of what follows need it).</summary>
    public static int Decode(ReadOnlySpan<byte> src, Span<long> dst)
    {
        var pos = 0;
        var blockSize = ReadUVarint(src, ref pos);
        var miniblocks = ReadUVarint(src, ref pos);
        var total = ReadUVarint(src, ref pos);
        var first = ZigZag(ReadUVarint(src, ref pos));
        if (blockSize == 0 || blockSize > MaxBlockSize || blockSize % 128 != 0 || miniblocks == 0 || blockSize % miniblocks != 0
            || blockSize / miniblocks % 32 != 0)
            throw new PageDataException($"DELTA_BINARY_PACKED header has block size {blockSize} with {miniblocks} miniblocks");
        if (total < (ulong)dst.Length) throw new PageDataException($"DELTA_BINARY_PACKED holds {total} values but {dst.Length} are needed");
        var count = dst.Length;
        if (count == 0) return pos;
        var perMiniblock = (int)(blockSize / miniblocks);
        var value = first;
        dst[0] = value;
        var n = 1;
        var scratch = ArrayPool<ulong>.Shared.Rent(perMiniblock);
        try
        {
            while (n < count)
            {
                var minDelta = ZigZag(ReadUVarint(src, ref pos));
                if ((ulong)(src.Length - pos) < miniblocks) throw new PageDataException("DELTA_BINARY_PACKED bit widths overrun the data");
                var widths = src.Slice(pos, (int)miniblocks);
                pos += (int)miniblocks;
                for (var m = 0; m < widths.Length && n < count; m++)
                {
                    int width = widths[m];
                    if (width > 64) throw new PageDataException($"DELTA_BINARY_PACKED miniblock bit width {width} is over 64");
                    var take = Math.Min(perMiniblock, count - n);
                    var bytes = perMiniblock / 8 * width;
                    var available = src.Length - pos;
                    if (((long)take * width + 7) / 8 > available) throw new PageDataException("DELTA_BINARY_PACKED miniblock overruns the data");
                    var deltas = scratch.AsSpan(0, take);
                    BitPacking.Unpack64(src.Slice(pos), width, deltas, take);
                    for (var k = 0; k < take; k++)
                    {
                        value = unchecked(value + minDelta + (long)deltas[k]);
                        dst[n++] = value;
                    }
                    pos += Math.Min(bytes, available);
                }
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(scratch);
        }
        return pos;
    }

    private static ulong ReadUVarint(ReadOnlySpan<byte> src, ref int pos)
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (pos >= src.Length) throw new PageDataException("DELTA_BINARY_PACKED data ends inside a varint");
            var b = src[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new PageDataException("DELTA_BINARY_PACKED varint longer than 10 bytes");
    }

    private static long ZigZag(ulong n) => (long)(n >> 1) ^ -(long)(n & 1);
}
