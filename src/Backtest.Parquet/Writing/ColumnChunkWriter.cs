using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Backtest.Parquet.Compression;
using Backtest.Parquet.Encodings;
using Backtest.Parquet.Format;
using Backtest.Parquet.Thrift;

namespace Backtest.Parquet.Writing;

/// <summary>
/// Writes one column's rows of one row group as a column chunk: an optional dictionary page, then data
/// pages (v1: RLE definition levels, then PLAIN or RLE_DICTIONARY values), each compressed on its own.
/// </summary>
internal sealed class ColumnChunkWriter
{
    /// <summary>Rows per data page: about 1 MiB of doubles, small enough to stream, large enough to copy in bulk.</summary>
    internal const int PageRows = 1 << 17;

    /// <summary>A string dictionary larger than this falls back to PLAIN (mostly distinct values gain nothing).</summary>
    private const int MaxDictionaryBytes = 1 << 20;

    private readonly CountingStream _out;
    private readonly ParquetCompression _compression;
    private readonly bool _dictionaryForStrings;
    private readonly bool _dataPageV2;
    /// <summary>Bytes of RLE definition levels after the 4-byte prefix at the start of <see cref="_page"/>; -1 when the page has none.</summary>
    private int _levelBytes = -1;
    private int _pageNulls;
    private readonly ThriftCompactWriter _thrift = new();
    private readonly ArrayBufferWriter<byte> _page = new(1 << 16);
    private readonly HashSet<int> _encodings = [];
    private long _compressedTotal;
    private long _uncompressedTotal;

    public ColumnChunkWriter(CountingStream output, ParquetCompression compression, bool dictionaryForStrings, bool dataPageV2)
    {
        _dataPageV2 = dataPageV2;
        _out = output;
        _compression = compression;
        _dictionaryForStrings = dictionaryForStrings;
    }

    /// <summary>Writes rows [<paramref name="start"/>, start + <paramref name="count"/>) of <paramref name="column"/>; returns its footer entry.</summary>
    public ColumnChunk Write(ParquetColumn column, int start, int count)
    {
        try
        {
            return WriteChunk(column, start, count);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException($"column '{column.Name}' holds a string that is not valid UTF-16 (a lone surrogate at index {e.Index}), which UTF-8 cannot store", e);
        }
    }

    private ColumnChunk WriteChunk(ParquetColumn column, int start, int count)
    {
        _encodings.Clear();
        _compressedTotal = 0;
        _uncompressedTotal = 0;
        var chunkStart = _out.Position;
        long? dictionaryOffset = null;
        long dataOffset;
        var field = column.Field;
        var nulls = EffectiveNulls(column);
        Statistics stats;
        PhysicalType physical;
        switch (field.Type)
        {
            case ParquetType.Int32:
            {
                var v = ((int[])column.Values).AsSpan(start, count);
                stats = ColumnStatistics.Int32(v, nulls, start);
                physical = PhysicalType.Int32;
                dataOffset = _out.Position;
                WriteFixedPages<int>((int[])column.Values, nulls, start, count);
                break;
            }
            case ParquetType.Int64:
            {
                var v = ((long[])column.Values).AsSpan(start, count);
                stats = ColumnStatistics.Int64(v, nulls, start);
                physical = PhysicalType.Int64;
                dataOffset = _out.Position;
                WriteFixedPages<long>((long[])column.Values, nulls, start, count);
                break;
            }
            case ParquetType.Float:
            {
                var v = ((float[])column.Values).AsSpan(start, count);
                stats = ColumnStatistics.Float(v, nulls, start);
                physical = PhysicalType.Float;
                dataOffset = _out.Position;
                WriteFixedPages<float>((float[])column.Values, nulls, start, count);
                break;
            }
            case ParquetType.Double:
            {
                var v = ((double[])column.Values).AsSpan(start, count);
                stats = ColumnStatistics.Double(v, nulls, start);
                physical = PhysicalType.Double;
                dataOffset = _out.Position;
                WriteFixedPages<double>((double[])column.Values, nulls, start, count);
                break;
            }
            case ParquetType.Boolean:
            {
                var v = ((bool[])column.Values).AsSpan(start, count);
                stats = ColumnStatistics.Boolean(v, nulls, start);
                physical = PhysicalType.Boolean;
                dataOffset = _out.Position;
                WriteBooleanPages((bool[])column.Values, nulls, start, count);
                break;
            }
            default:
            {
                physical = PhysicalType.ByteArray;
                var values = (string?[])column.Values;
                var nullCount = nulls is null ? 0 : count - nulls.AsSpan(start, count).Count(false);
                var dictionary = _dictionaryForStrings ? BuildDictionary(values, nulls, start, count) : null;
                if (dictionary is { Entries.Count: > 0 })
                {
                    stats = ColumnStatistics.Strings(dictionary.Value.Entries, nullCount);
                    dictionaryOffset = _out.Position;
                    WriteDictionaryPage(dictionary.Value.Entries);
                    dataOffset = _out.Position;
                    WriteDictionaryIndexPages(dictionary.Value.Index, dictionary.Value.Entries.Count, nulls, start, count);
                }
                else
                {
                    stats = ColumnStatistics.Strings(NonNull(values, nulls, start, count), nullCount);
                    dataOffset = _out.Position;
                    WriteStringPages(values, nulls, start, count);
                }
                break;
            }
        }
        var encodings = _encodings.ToList();
        encodings.Sort();
        var meta = new ColumnMetaData
        {
            Type = physical,
            Encodings = encodings,
            PathInSchema = [field.Name],
            Codec = (int)_compression,
            NumValues = count,
            TotalUncompressedSize = _uncompressedTotal,
            TotalCompressedSize = _compressedTotal,
            DataPageOffset = dataOffset,
            DictionaryPageOffset = dictionaryOffset,
            Statistics = stats,
        };
        return new ColumnChunk { FileOffset = chunkStart, MetaData = meta };
    }

    private static bool[]? EffectiveNulls(ParquetColumn column)
    {
        if (column.Field.Type != ParquetType.String || !column.Field.Nullable) return column.Nulls;
        var values = (string?[])column.Values;
        if (column.Nulls is { } mask)
        {
            for (var i = 0; i < values.Length; i++)
                if (!mask[i] && values[i] is null)
                    throw new ArgumentException($"column '{column.Name}': row {i} is a null string but its null mask says it has a value");
            return mask;
        }
        var derived = new bool[values.Length];
        for (var i = 0; i < values.Length; i++) derived[i] = values[i] is null;
        return derived;
    }

    private void WriteFixedPages<T>(T[] values, bool[]? nulls, int start, int count) where T : unmanaged
    {
        _encodings.Add((int)PageEncoding.Plain);
        if (nulls is not null) _encodings.Add((int)PageEncoding.Rle);
        for (var p = 0; p == 0 || p < count; p += PageRows)
        {
            var n = Math.Min(PageRows, count - p);
            var rows = values.AsSpan(start + p, n);
            if (nulls is null)
            {
                // REQUIRED: the page body is the values' bytes as they are in memory (little-endian).
                WriteDataPage(MemoryMarshal.AsBytes(rows), n, PageEncoding.Plain);
                continue;
            }
            _page.Clear();
            var mask = nulls.AsSpan(start + p, n);
            WriteLevels(mask);
            var dense = _page.GetSpan(n * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
            var denseValues = MemoryMarshal.Cast<byte, T>(dense);
            var k = 0;
            for (var i = 0; i < n; i++)
                if (!mask[i]) denseValues[k++] = rows[i];
            _page.Advance(k * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
            WriteDataPage(_page.WrittenSpan, n, PageEncoding.Plain);
        }
    }

    private void WriteBooleanPages(bool[] values, bool[]? nulls, int start, int count)
    {
        _encodings.Add((int)PageEncoding.Plain);
        if (nulls is not null) _encodings.Add((int)PageEncoding.Rle);
        for (var p = 0; p == 0 || p < count; p += PageRows)
        {
            var n = Math.Min(PageRows, count - p);
            _page.Clear();
            var mask = nulls is null ? default : nulls.AsSpan(start + p, n);
            if (nulls is not null) WriteLevels(mask);
            var bytes = _page.GetSpan((n + 7) / 8 + 1);
            bytes[..((n + 7) / 8)].Clear();
            var k = 0;
            for (var i = 0; i < n; i++)
            {
                if (nulls is not null && mask[i]) continue;
                if (values[start + p + i]) bytes[k >> 3] |= (byte)(1 << (k & 7));
                k++;
            }
            _page.Advance((k + 7) / 8);
            WriteDataPage(_page.WrittenSpan, n, PageEncoding.Plain);
        }
    }

    private void WriteStringPages(string?[] values, bool[]? nulls, int start, int count)
    {
        _encodings.Add((int)PageEncoding.Plain);
        if (nulls is not null) _encodings.Add((int)PageEncoding.Rle);
        for (var p = 0; p == 0 || p < count; p += PageRows)
        {
            var n = Math.Min(PageRows, count - p);
            _page.Clear();
            if (nulls is not null) WriteLevels(nulls.AsSpan(start + p, n));
            for (var i = 0; i < n; i++)
            {
                if (nulls is not null && nulls[start + p + i]) continue;
                var s = values[start + p + i]!;
                var length = StrictUtf8.Encoding.GetByteCount(s);
                var span = _page.GetSpan(4 + length);
                BinaryPrimitives.WriteInt32LittleEndian(span, length);
                StrictUtf8.Encoding.GetBytes(s, span[4..]);
                _page.Advance(4 + length);
            }
            WriteDataPage(_page.WrittenSpan, n, PageEncoding.Plain);
        }
    }

    private readonly record struct StringDictionary(List<string> Entries, int[] Index);

    /// <summary>Entries in first-appearance order (deterministic); null when the dictionary would be too large to help.</summary>
    private static StringDictionary? BuildDictionary(string?[] values, bool[]? nulls, int start, int count)
    {
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var entries = new List<string>();
        var index = new int[count];
        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            if (nulls is not null && nulls[start + i]) continue;
            var s = values[start + i]!;
            if (!lookup.TryGetValue(s, out var id))
            {
                id = entries.Count;
                lookup.Add(s, id);
                entries.Add(s);
                bytes += 4 + StrictUtf8.Encoding.GetByteCount(s);
                if (bytes > MaxDictionaryBytes) return null;
            }
            index[i] = id;
        }
        return new StringDictionary(entries, index);
    }

    private void WriteDictionaryPage(List<string> entries)
    {
        _encodings.Add((int)PageEncoding.Plain);
        _page.Clear();
        foreach (var s in entries)
        {
            var length = StrictUtf8.Encoding.GetByteCount(s);
            var span = _page.GetSpan(4 + length);
            BinaryPrimitives.WriteInt32LittleEndian(span, length);
            StrictUtf8.Encoding.GetBytes(s, span[4..]);
            _page.Advance(4 + length);
        }
        var (buffer, compressed) = PageCodec.Compress(_compression, _page.WrittenSpan);
        try
        {
            _thrift.Clear();
            PageHeader.WriteDictionaryPage(_thrift, _page.WrittenCount, compressed, entries.Count);
            Emit(_thrift.WrittenSpan, buffer.AsSpan(0, compressed), _page.WrittenCount);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void WriteDictionaryIndexPages(int[] index, int dictionarySize, bool[]? nulls, int start, int count)
    {
        _encodings.Add((int)PageEncoding.RleDictionary);
        if (nulls is not null) _encodings.Add((int)PageEncoding.Rle);
        var width = dictionarySize <= 1 ? 0 : 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(dictionarySize - 1));
        var dense = ArrayPool<int>.Shared.Rent(Math.Min(PageRows, Math.Max(count, 1)));
        try
        {
            for (var p = 0; p == 0 || p < count; p += PageRows)
            {
                var n = Math.Min(PageRows, count - p);
                _page.Clear();
                var k = 0;
                if (nulls is not null)
                {
                    var mask = nulls.AsSpan(start + p, n);
                    WriteLevels(mask);
                    for (var i = 0; i < n; i++)
                        if (!mask[i]) dense[k++] = index[p + i];
                }
                else
                {
                    index.AsSpan(p, n).CopyTo(dense);
                    k = n;
                }
                _page.GetSpan(1)[0] = (byte)width;
                _page.Advance(1);
                RleBitPackedHybrid.Encode(dense.AsSpan(0, k), width, _page);
                WriteDataPage(_page.WrittenSpan, n, PageEncoding.RleDictionary);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(dense);
        }
    }

    /// <summary>Appends the page's definition levels (1 = value, 0 = null) as RLE with their 4-byte length.</summary>
    private void WriteLevels(ReadOnlySpan<bool> nullMask)
    {
        var levels = ArrayPool<int>.Shared.Rent(Math.Max(1, nullMask.Length));
        try
        {
            for (var i = 0; i < nullMask.Length; i++) levels[i] = nullMask[i] ? 0 : 1;
            _pageNulls = nullMask.Count(true);
            var lengthAt = _page.WrittenCount;
            _page.GetSpan(4);
            _page.Advance(4);
            RleBitPackedHybrid.Encode(levels.AsSpan(0, nullMask.Length), 1, _page);
            var length = _page.WrittenCount - lengthAt - 4;
            _levelBytes = length;
            // ArrayBufferWriter exposes written bytes read-only; patch the prefix through its backing memory.
            BinaryPrimitives.WriteInt32LittleEndian(MemoryMarshal.AsMemory(_page.WrittenMemory).Span.Slice(lengthAt, 4), length);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(levels);
        }
    }

    private void WriteDataPage(ReadOnlySpan<byte> body, int numValues, PageEncoding encoding)
    {
        var levelBytes = _levelBytes;
        var nulls = _pageNulls;
        _levelBytes = -1;
        _pageNulls = 0;
        if (_dataPageV2)
        {
            WriteDataPageV2(body, numValues, nulls, levelBytes, encoding);
            return;
        }
        if (_compression == ParquetCompression.Uncompressed)
        {
            _thrift.Clear();
            PageHeader.WriteDataPage(_thrift, body.Length, body.Length, numValues, encoding);
            Emit(_thrift.WrittenSpan, body, body.Length);
            return;
        }
        var (buffer, compressed) = PageCodec.Compress(_compression, body);
        try
        {
            _thrift.Clear();
            PageHeader.WriteDataPage(_thrift, body.Length, compressed, numValues, encoding);
            Emit(_thrift.WrittenSpan, buffer.AsSpan(0, compressed), body.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A v2 page: levels stay uncompressed without a length prefix (the header carries it); only values are compressed.</summary>
    private void WriteDataPageV2(ReadOnlySpan<byte> body, int numValues, int nulls, int levelBytes, PageEncoding encoding)
    {
        var levels = levelBytes < 0 ? default : body.Slice(4, levelBytes);
        var values = levelBytes < 0 ? body : body[(4 + levelBytes)..];
        var compress = _compression != ParquetCompression.Uncompressed;
        var (buffer, compressed) = compress ? PageCodec.Compress(_compression, values) : ([], values.Length);
        try
        {
            var stored = compress ? buffer.AsSpan(0, compressed) : values;
            _thrift.Clear();
            PageHeader.WriteDataPageV2(_thrift, levels.Length + values.Length, levels.Length + stored.Length, numValues, nulls, encoding, levels.Length, compress);
            _out.Write(_thrift.WrittenSpan);
            _out.Write(levels);
            _out.Write(stored);
            _compressedTotal += _thrift.WrittenSpan.Length + levels.Length + stored.Length;
            _uncompressedTotal += _thrift.WrittenSpan.Length + levels.Length + values.Length;
        }
        finally
        {
            if (compress) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Emit(ReadOnlySpan<byte> header, ReadOnlySpan<byte> body, int uncompressedBody)
    {
        _out.Write(header);
        _out.Write(body);
        _compressedTotal += header.Length + body.Length;
        _uncompressedTotal += header.Length + uncompressedBody;
    }

    private static IEnumerable<string> NonNull(string?[] values, bool[]? nulls, int start, int count)
    {
        for (var i = start; i < start + count; i++)
            if (nulls is null || !nulls[i]) yield return values[i]!;
    }
}
