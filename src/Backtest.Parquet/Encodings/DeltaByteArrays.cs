using System.Buffers;
using System.Text;

namespace Backtest.Parquet.Encodings;

/// <summary>DELTA_LENGTH_BYTE_ARRAY (delta-packed lengths, then the bytes) and DELTA_BYTE_ARRAY (shared prefix plus suffix).</summary>
internal static class DeltaByteArrays
{
    /// <summary>Decodes <c>dst.Length</c> DELTA_LENGTH_BYTE_ARRAY strings; returns the bytes consumed.</summary>
    public static int DecodeLengthPrefixed(ReadOnlySpan<byte> src, Span<string?> dst)
    {
        var lengths = ArrayPool<long>.Shared.Rent(Math.Max(1, dst.Length));
        try
        {
            var pos = DeltaBinaryPacked.Decode(src, lengths.AsSpan(0, dst.Length));
            for (var i = 0; i < dst.Length; i++)
            {
                var length = lengths[i];
                if (length < 0 || length > src.Length - pos) throw new PageDataException($"DELTA_LENGTH_BYTE_ARRAY value {i} of {length} bytes overruns the page");
                dst[i] = Encoding.UTF8.GetString(src.Slice(pos, (int)length));
                pos += (int)length;
            }
            return pos;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(lengths);
        }
    }

    /// <summary>Decodes <c>dst.Length</c> DELTA_BYTE_ARRAY strings (each value = prefix of the previous + suffix).</summary>
    public static int DecodeIncremental(ReadOnlySpan<byte> src, Span<string?> dst)
    {
        var count = dst.Length;
        var prefixes = ArrayPool<long>.Shared.Rent(Math.Max(1, count));
        var suffixes = ArrayPool<long>.Shared.Rent(Math.Max(1, count));
        var previous = ArrayPool<byte>.Shared.Rent(256);
        var current = ArrayPool<byte>.Shared.Rent(256);
        try
        {
            var pos = DeltaBinaryPacked.Decode(src, prefixes.AsSpan(0, count));
            pos += DeltaBinaryPacked.Decode(src.Slice(pos), suffixes.AsSpan(0, count));
            var previousLength = 0;
            for (var i = 0; i < count; i++)
            {
                var prefix = prefixes[i];
                var suffix = suffixes[i];
                if (prefix < 0 || prefix > previousLength) throw new PageDataException($"DELTA_BYTE_ARRAY value {i} reuses {prefix} bytes of a {previousLength}-byte predecessor");
                if (suffix < 0 || suffix > src.Length - pos) throw new PageDataException($"DELTA_BYTE_ARRAY value {i} suffix of {suffix} bytes overruns the page");
                var length = (int)(prefix + suffix);
                if (current.Length < length)
                {
                    ArrayPool<byte>.Shared.Return(current);
                    current = ArrayPool<byte>.Shared.Rent(length);
                }
                previous.AsSpan(0, (int)prefix).CopyTo(current);
                src.Slice(pos, (int)suffix).CopyTo(current.AsSpan((int)prefix));
                pos += (int)suffix;
                dst[i] = Encoding.UTF8.GetString(current, 0, length);
                (previous, current) = (current, previous);
                previousLength = length;
            }
            return pos;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(prefixes);
            ArrayPool<long>.Shared.Return(suffixes);
            ArrayPool<byte>.Shared.Return(previous);
            ArrayPool<byte>.Shared.Return(current);
        }
    }
}
