using System.Buffers;

namespace Backtest.Parquet.Encodings;

/// <summary>
/// The RLE / bit-packed hybrid encoding of definition levels, dictionary indices and RLE booleans:
/// runs of one repeated value alternate with groups of 8 bit-packed values.
/// </summary>
internal static class RleBitPackedHybrid
{
    /// <summary>Decodes exactly <c>dst.Length</c> values; returns the bytes consumed. Throws when the data runs out first.</summary>
    public static int Decode(ReadOnlySpan<byte> src, int width, Span<int> dst)
    {
        if ((uint)width > 32) throw new PageDataException($"bit width {width} is over 32");
        var valueBytes = (width + 7) / 8;
        var pos = 0;
        var n = 0;
        var count = dst.Length;
        while (n < count)
        {
            var header = ReadVarint(src, ref pos);
            if ((header & 1) == 0)
            {
                var run = header >> 1;
                if (pos + valueBytes > src.Length) throw new PageDataException("RLE run value overruns the data");
                var value = 0;
                for (var k = 0; k < valueBytes; k++) value |= src[pos + k] << (8 * k);
                pos += valueBytes;
                if (width < 32 && (uint)value >> width != 0) throw new PageDataException($"RLE run value {value} does not fit {width} bits");
                var take = (int)Math.Min(run, (uint)(count - n));
                dst.Slice(n, take).Fill(value);
                n += take;
            }
            else
            {
                var groups = (long)(header >> 1);
                var values = groups * 8;
                var runBytes = groups * width;
                var available = src.Length - pos;
                var take = (int)Math.Min(values, count - n);
                var needBytes = ((long)take * width + 7) / 8;
                if (needBytes > available) throw new PageDataException($"bit-packed run of {values} values overruns the data");
                BitPacking.Unpack32(src.Slice(pos), width, dst.Slice(n, take), take);
                n += take;
                pos += (int)Math.Min(runBytes, available);
            }
        }
        return pos;
    }

    /// <summary>Encodes <paramref name="values"/> at <paramref name="width"/> bits: RLE for runs of 8 or more, bit-packed otherwise.</summary>
    public static void Encode(ReadOnlySpan<int> values, int width, ArrayBufferWriter<byte> output)
    {
        var valueBytes = (width + 7) / 8;
        var i = 0;
        var packedStart = -1; // start of the pending bit-packed groups, all whole groups of 8
        var scratch = ArrayPool<int>.Shared.Rent(8);
        try
        {
            while (i < values.Length)
            {
                var v = values[i];
                var run = 1;
                while (i + run < values.Length && values[i + run] == v) run++;
                if (run >= 8)
                {
                    if (packedStart >= 0) FlushPacked(values, packedStart, i, width, output, scratch);
                    packedStart = -1;
                    WriteVarint(output, (ulong)run << 1);
                    var span = output.GetSpan(valueBytes);
                    for (var k = 0; k < valueBytes; k++) span[k] = (byte)(v >> (8 * k));
                    output.Advance(valueBytes);
                    i += run;
                }
                else
                {
                    if (packedStart < 0) packedStart = i;
                    i = Math.Min(i + 8, values.Length);
                }
            }
            if (packedStart >= 0) FlushPacked(values, packedStart, values.Length, width, output, scratch);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(scratch);
        }
    }

    private static void FlushPacked(ReadOnlySpan<int> values, int start, int end, int width, ArrayBufferWriter<byte> output, int[] scratch)
    {
        var count = end - start;
        var groups = (count + 7) / 8;
        WriteVarint(output, ((ulong)groups << 1) | 1);
        var bytes = groups * width;
        var dst = output.GetSpan(bytes)[..bytes];
        dst.Clear();
        var full = count / 8 * 8;
        BitPacking.Pack32(values.Slice(start, full), width, dst);
        if (full < count)
        {
            // The last group is padded with zeros; readers stop at the page's value count.
            var tail = scratch.AsSpan(0, 8);
            tail.Clear();
            values.Slice(start + full, count - full).CopyTo(tail);
            BitPacking.Pack32(tail, width, dst.Slice(full / 8 * width));
        }
        output.Advance(bytes);
    }

    private static uint ReadVarint(ReadOnlySpan<byte> src, ref int pos)
    {
        uint result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (pos >= src.Length) throw new PageDataException("RLE/bit-packed data ends inside a run header");
            var b = src[pos++];
            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw new PageDataException("RLE/bit-packed run header longer than 5 bytes");
    }

    internal static void WriteVarint(ArrayBufferWriter<byte> output, ulong value)
    {
        var span = output.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        output.Advance(i);
    }
}
