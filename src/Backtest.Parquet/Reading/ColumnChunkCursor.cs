using System.Buffers;
using System.Buffers.Binary;
using Backtest.Parquet.Compression;
using Backtest.Parquet.Encodings;
using Backtest.Parquet.Format;
using Backtest.Parquet.Thrift;

namespace Backtest.Parquet.Reading;

/// <summary>
/// Walks the pages of one column chunk: parses each header, checks its sizes against the chunk, decompresses
/// the body and splits off definition levels. Buffers are pooled and reused from page to page.
/// </summary>
internal sealed class ColumnChunkCursor : IDisposable
{
    private readonly string _file;
    private readonly string _column;
    private readonly int _codec;
    private readonly bool _optional;
    private readonly int _rowCount;
    private byte[] _chunk;
    private readonly int _chunkLength;
    private int _position;
    private int _valuesSeen;
    private byte[] _body = [];
    private int[] _levels = [];

    public ColumnChunkCursor(ByteSource source, long offset, int length, int codec, bool optional, int rowCount, string column)
    {
        _file = source.Name;
        _column = column;
        _codec = codec;
        _optional = optional;
        _rowCount = rowCount;
        _chunk = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        _chunkLength = length;
        try
        {
            source.ReadExactly(offset, _chunk.AsSpan(0, length));
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(_chunk);
            _chunk = [];
            throw;
        }
    }

    public ParquetFormatException Corrupt(string problem) =>
        new(_file, $"column '{_column}': {problem}");

    /// <summary>Moves to the next dictionary or data page; false once the chunk's rows are all delivered.</summary>
    public bool Next(out PageView page)
    {
        while (true)
        {
            if (_valuesSeen == _rowCount)
            {
                page = default;
                return false;
            }
            if (_position >= _chunkLength)
                throw Corrupt($"the column chunk ends after {_valuesSeen} of its {_rowCount} values");
            var reader = new ThriftCompactReader(_chunk.AsSpan(_position, _chunkLength - _position), _file, $"page header of column '{_column}'");
            var header = PageHeader.Read(ref reader);
            _position += reader.Position;
            if (header.CompressedPageSize > _chunkLength - _position)
                throw Corrupt($"a page of {header.CompressedPageSize} bytes overruns the column chunk ({_chunkLength - _position} bytes left)");
            var raw = _chunk.AsSpan(_position, header.CompressedPageSize);
            _position += header.CompressedPageSize;
            switch (header.Type)
            {
                case PageType.DictionaryPage when header.HasDictionaryPage:
                {
                    if (header.Encoding is not (PageEncoding.Plain or PageEncoding.PlainDictionary))
                        throw Corrupt($"dictionary page encoding {header.Encoding} is not PLAIN");
                    var body = Decompress(raw, header.UncompressedPageSize, header.CompressedPageSize);
                    page = new PageView(true, PageEncoding.Plain, header.NumValues, header.NumValues, body, default);
                    return true;
                }
                case PageType.DataPage when header.HasDataPage:
                    page = DataPageV1(header, raw);
                    return true;
                case PageType.DataPageV2 when header.HasDataPageV2:
                    page = DataPageV2(header, raw);
                    return true;
                case PageType.IndexPage:
                    continue;
                default:
                    throw Corrupt($"page of type {(int)header.Type} lacks its matching header");
            }
        }
    }

    private PageView DataPageV1(PageHeader header, ReadOnlySpan<byte> raw)
    {
        var count = CheckValueCount(header.NumValues);
        var body = Decompress(raw, header.UncompressedPageSize, header.CompressedPageSize);
        if (!_optional) return new PageView(false, header.Encoding, count, count, body, default);
        if (header.DefinitionLevelEncoding != PageEncoding.Rle)
            throw Corrupt($"definition levels use {header.DefinitionLevelEncoding}; only RLE is supported");
        if (body.Length < 4) throw Corrupt("data page too short for its definition levels");
        var length = BinaryPrimitives.ReadUInt32LittleEndian(body);
        if (length > (uint)(body.Length - 4)) throw Corrupt($"definition levels of {length} bytes overrun the page");
        var levels = DecodeLevels(body.Slice(4, (int)length), count, out var nonNull);
        return new PageView(false, header.Encoding, count, nonNull, body[(4 + (int)length)..], levels);
    }

    private PageView DataPageV2(PageHeader header, ReadOnlySpan<byte> raw)
    {
        var count = CheckValueCount(header.NumValues);
        var dl = header.DefinitionLevelsByteLength;
        var rl = header.RepetitionLevelsByteLength;
        if ((long)dl + rl > raw.Length || (long)dl + rl > header.UncompressedPageSize)
            throw Corrupt("data page v2 level lengths overrun the page");
        ReadOnlySpan<int> levels = default;
        var nonNull = count;
        if (_optional)
        {
            levels = DecodeLevels(raw[..dl], count, out nonNull);
            if (nonNull != count - header.NumNulls)
                throw Corrupt($"data page v2 declares {header.NumNulls} nulls but its levels hold {count - nonNull}");
        }
        else if (header.NumNulls != 0)
        {
            throw Corrupt($"a required column's page declares {header.NumNulls} nulls");
        }
        var valuesRaw = raw[(dl + rl)..];
        var valuesSize = header.UncompressedPageSize - dl - rl;
        // An all-null page may carry no value bytes at all, not even an empty compressed block.
        ReadOnlySpan<byte> values = valuesSize == 0 ? default
            : header.IsCompressed && _codec != 0 ? Decompress(valuesRaw, valuesSize, valuesRaw.Length)
            : valuesRaw;
        return new PageView(false, header.Encoding, count, nonNull, values, levels);
    }

    private int CheckValueCount(int declared)
    {
        if (declared > _rowCount - _valuesSeen)
            throw Corrupt($"a page holds {declared} values but only {_rowCount - _valuesSeen} of the chunk's {_rowCount} remain");
        _valuesSeen += declared;
        return declared;
    }

    private ReadOnlySpan<int> DecodeLevels(ReadOnlySpan<byte> data, int count, out int nonNull)
    {
        if (_levels.Length < count)
        {
            if (_levels.Length > 0) ArrayPool<int>.Shared.Return(_levels);
            _levels = ArrayPool<int>.Shared.Rent(count);
        }
        var levels = _levels.AsSpan(0, count);
        try
        {
            RleBitPackedHybrid.Decode(data, 1, levels);
        }
        catch (PageDataException e)
        {
            throw Corrupt($"definition levels: {e.Message}");
        }
        nonNull = 0;
        foreach (var l in levels) nonNull += l;
        return levels;
    }

    private ReadOnlySpan<byte> Decompress(ReadOnlySpan<byte> raw, int uncompressedSize, int compressedSize)
    {
        if (!PageCodec.IsSupported(_codec)) throw new ParquetFormatException(_file, PageCodec.UnsupportedMessage(_codec, _column));
        if (uncompressedSize < 0 || !PageCodec.IsPlausible(_codec, compressedSize, uncompressedSize))
            throw Corrupt($"a page declares {uncompressedSize} uncompressed bytes for {compressedSize} compressed, which {(ParquetCompression)_codec} cannot produce");
        if (_codec == 0) return raw;
        if (_body.Length < uncompressedSize)
        {
            if (_body.Length > 0) ArrayPool<byte>.Shared.Return(_body);
            _body = ArrayPool<byte>.Shared.Rent(Math.Max(uncompressedSize, 1));
        }
        var dst = _body.AsSpan(0, uncompressedSize);
        try
        {
            PageCodec.Decompress(_codec, raw, dst);
        }
        catch (PageDataException e)
        {
            throw Corrupt(e.Message);
        }
        return dst;
    }

    public void Dispose()
    {
        if (_chunk.Length > 0) ArrayPool<byte>.Shared.Return(_chunk);
        if (_body.Length > 0) ArrayPool<byte>.Shared.Return(_body);
        if (_levels.Length > 0) ArrayPool<int>.Shared.Return(_levels);
        _chunk = [];
        _body = [];
        _levels = [];
    }
}
