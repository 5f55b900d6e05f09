using System.Buffers;
using System.Runtime.InteropServices;
using Backtest.Parquet.Encodings;
using Backtest.Parquet.Format;

namespace Backtest.Parquet.Reading;

/// <summary>
/// Decodes a column chunk's pages into caller-provided typed spans: dense values are decoded straight into
/// the destination, then spread over the rows by the definition levels (in place, back to front).
/// </summary>
internal static class ColumnDecoder
{
    /// <summary>Reads a fixed-width numeric column (int, long, float, double).</summary>
    public static void ReadFixed<T>(ColumnChunkCursor cursor, Span<T> values, Span<bool> nulls) where T : unmanaged
    {
        T[]? dictionary = null;
        var row = 0;
        while (cursor.Next(out var page))
        {
            try
            {
                if (page.IsDictionary)
                {
                    if ((long)page.NumValues * System.Runtime.CompilerServices.Unsafe.SizeOf<T>() > page.Values.Length)
                        throw new PageDataException($"dictionary of {page.NumValues} values cannot fit {page.Values.Length} bytes");
                    dictionary = new T[page.NumValues];
                    PlainDecoder.Fixed(page.Values, dictionary.AsSpan());
                    continue;
                }
                var dst = values.Slice(row, page.NumValues);
                var dense = dst[..page.NonNull];
                switch (page.Encoding)
                {
                    case PageEncoding.Plain:
                        PlainDecoder.Fixed(page.Values, dense);
                        break;
                    case PageEncoding.PlainDictionary or PageEncoding.RleDictionary:
                        Gather(page.Values, dictionary, dense, cursor);
                        break;
                    case PageEncoding.DeltaBinaryPacked when typeof(T) == typeof(long):
                        DeltaBinaryPacked.Decode(page.Values, MemoryMarshal.Cast<T, long>(dense));
                        break;
                    case PageEncoding.DeltaBinaryPacked when typeof(T) == typeof(int):
                        DeltaToInt32(page.Values, MemoryMarshal.Cast<T, int>(dense));
                        break;
                    case PageEncoding.ByteStreamSplit:
                        ByteStreamSplit.Decode(page.Values, dense);
                        break;
                    default:
                        throw cursor.Corrupt($"encoding {page.Encoding} is not supported for {typeof(T).Name} values");
                }
                Spread(dst, nulls.IsEmpty ? default : nulls.Slice(row, page.NumValues), page.Levels, page.NonNull);
                row += page.NumValues;
            }
            catch (PageDataException e)
            {
                throw cursor.Corrupt(e.Message);
            }
        }
    }

    /// <summary>Reads a boolean column (PLAIN bit-packed or RLE).</summary>
    public static void ReadBooleans(ColumnChunkCursor cursor, Span<bool> values, Span<bool> nulls)
    {
        var row = 0;
        while (cursor.Next(out var page))
        {
            try
            {
                if (page.IsDictionary) throw cursor.Corrupt("dictionary pages are not supported for booleans");
                var dst = values.Slice(row, page.NumValues);
                var dense = dst[..page.NonNull];
                switch (page.Encoding)
                {
                    case PageEncoding.Plain:
                        PlainDecoder.Booleans(page.Values, dense);
                        break;
                    case PageEncoding.Rle:
                        RleBooleans(page.Values, dense);
                        break;
                    default:
                        throw cursor.Corrupt($"encoding {page.Encoding} is not supported for booleans");
                }
                Spread(dst, nulls.IsEmpty ? default : nulls.Slice(row, page.NumValues), page.Levels, page.NonNull);
                row += page.NumValues;
            }
            catch (PageDataException e)
            {
                throw cursor.Corrupt(e.Message);
            }
        }
    }

    /// <summary>Reads a UTF-8 string column; dictionary entries are decoded once and shared by the rows using them.</summary>
    public static void ReadStrings(ColumnChunkCursor cursor, Span<string?> values, Span<bool> nulls)
    {
        string?[]? dictionary = null;
        var row = 0;
        while (cursor.Next(out var page))
        {
            try
            {
                if (page.IsDictionary)
                {
                    dictionary = new string?[page.NumValues];
                    if ((long)page.NumValues * 4 > page.Values.Length) throw new PageDataException($"dictionary of {page.NumValues} strings cannot fit {page.Values.Length} bytes");
                    PlainDecoder.Strings(page.Values, dictionary);
                    continue;
                }
                var dst = values.Slice(row, page.NumValues);
                var dense = dst[..page.NonNull];
                switch (page.Encoding)
                {
                    case PageEncoding.Plain:
                        PlainDecoder.Strings(page.Values, dense);
                        break;
                    case PageEncoding.PlainDictionary or PageEncoding.RleDictionary:
                        Gather(page.Values, dictionary, dense, cursor);
                        break;
                    case PageEncoding.DeltaLengthByteArray:
                        DeltaByteArrays.DecodeLengthPrefixed(page.Values, dense);
                        break;
                    case PageEncoding.DeltaByteArray:
                        DeltaByteArrays.DecodeIncremental(page.Values, dense);
                        break;
                    default:
                        throw cursor.Corrupt($"encoding {page.Encoding} is not supported for strings");
                }
                Spread(dst, nulls.IsEmpty ? default : nulls.Slice(row, page.NumValues), page.Levels, page.NonNull);
                row += page.NumValues;
            }
            catch (PageDataException e)
            {
                throw cursor.Corrupt(e.Message);
            }
        }
    }

    /// <summary>Moves the <paramref name="nonNull"/> dense values at the front of <paramref name="dst"/> to their rows.</summary>
    private static void Spread<T>(Span<T> dst, Span<bool> nulls, ReadOnlySpan<int> levels, int nonNull)
    {
        if (levels.IsEmpty)
        {
            if (!nulls.IsEmpty) nulls.Clear();
            return;
        }
        var k = nonNull - 1;
        for (var i = levels.Length - 1; i >= 0; i--)
        {
            if (levels[i] != 0)
            {
                dst[i] = dst[k--];
                if (!nulls.IsEmpty) nulls[i] = false;
            }
            else
            {
                dst[i] = default!;
                if (!nulls.IsEmpty) nulls[i] = true;
            }
        }
    }

    private static void Gather<T>(ReadOnlySpan<byte> data, T[]? dictionary, Span<T> dense, ColumnChunkCursor cursor)
    {
        if (dictionary is null) throw cursor.Corrupt("a dictionary-encoded page comes before any dictionary page");
        if (dense.IsEmpty) return;
        if (data.IsEmpty) throw new PageDataException("dictionary-encoded page has no index bit width");
        int width = data[0];
        var indices = ArrayPool<int>.Shared.Rent(dense.Length);
        try
        {
            var idx = indices.AsSpan(0, dense.Length);
            RleBitPackedHybrid.Decode(data[1..], width, idx);
            var n = (uint)dictionary.Length;
            for (var i = 0; i < idx.Length; i++)
            {
                var j = idx[i];
                if ((uint)j >= n) throw new PageDataException($"dictionary index {j} is out of range for a dictionary of {n} entries");
                dense[i] = dictionary[j];
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indices);
        }
    }

    private static void DeltaToInt32(ReadOnlySpan<byte> data, Span<int> dense)
    {
        var scratch = ArrayPool<long>.Shared.Rent(Math.Max(1, dense.Length));
        try
        {
            var longs = scratch.AsSpan(0, dense.Length);
            DeltaBinaryPacked.Decode(data, longs);
            for (var i = 0; i < longs.Length; i++) dense[i] = unchecked((int)longs[i]);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(scratch);
        }
    }

    private static void RleBooleans(ReadOnlySpan<byte> data, Span<bool> dense)
    {
        if (dense.IsEmpty) return;
        if (data.Length < 4) throw new PageDataException("RLE booleans lack their length prefix");
        var length = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(data);
        if (length > (uint)(data.Length - 4)) throw new PageDataException($"RLE booleans of {length} bytes overrun the page");
        var scratch = ArrayPool<int>.Shared.Rent(dense.Length);
        try
        {
            var bits = scratch.AsSpan(0, dense.Length);
            RleBitPackedHybrid.Decode(data.Slice(4, (int)length), 1, bits);
            for (var i = 0; i < bits.Length; i++) dense[i] = bits[i] != 0;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(scratch);
        }
    }
}
