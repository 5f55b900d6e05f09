using System.Buffers.Binary;
using System.Text;
using Backtest.Parquet.Format;
using Backtest.Parquet.Reading;

namespace Backtest.Parquet;

/// <summary>
/// Streams a Parquet file by row group and column: the footer is read and validated once, then each
/// <c>ReadColumn</c> decodes one column chunk into typed arrays or caller-provided spans. Memory stays
/// bounded by one column chunk, so files larger than memory can be processed group by group.
/// </summary>
public sealed class ParquetReader : IDisposable
{
    private readonly ByteSource _source;
    private readonly FileMetaData _meta;
    private readonly ColumnDescriptor[] _columns;

    /// <summary>Opens the file at <paramref name="path"/> and validates its footer.</summary>
    public ParquetReader(string path) : this(ByteSource.Open(path)) { }

    /// <summary>Reads from a seekable stream; <paramref name="name"/> labels it in error messages.</summary>
    public ParquetReader(Stream stream, string name = "<stream>", bool leaveOpen = false)
        : this(ByteSource.FromStream(stream, name, leaveOpen)) { }

    private ParquetReader(ByteSource source)
    {
        _source = source;
        try
        {
            (_meta, _columns) = FooterReader.Read(source);
            Metadata = BuildMetadata();
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Schema, rows, row groups with statistics, key/value metadata and writer.</summary>
    public ParquetFileMetadata Metadata { get; }

    /// <summary>The file's schema.</summary>
    public ParquetSchema Schema => Metadata.Schema;

    /// <summary>Number of row groups.</summary>
    public int RowGroupCount => _meta.RowGroups.Count;

    /// <summary>Rows in row group <paramref name="rowGroup"/>.</summary>
    public int RowGroupRowCount(int rowGroup) => (int)RowGroup(rowGroup).NumRows;

    /// <summary>
    /// The row groups that may hold rows with <paramref name="from"/> ≤ ts &lt; <paramref name="to"/>, judged by
    /// the Int64 column's statistics (in the column's own units: ms for the lake's ts, µs for DuckDB's
    /// TIMESTAMP); a group without usable statistics is kept (it cannot be ruled out).
    /// </summary>
    public IReadOnlyList<int> RowGroupsOverlapping(long from, long to, string tsColumn = "ts")
    {
        var index = ColumnIndex(tsColumn);
        if (_columns[index].Field.Type != ParquetType.Int64)
            throw new ArgumentException($"column '{tsColumn}' is {_columns[index].Field.Type}; ts-range skipping needs Int64");
        var result = new List<int>();
        for (var g = 0; g < Metadata.RowGroups.Count; g++)
        {
            var stats = Metadata.RowGroups[g].Columns[index].Statistics;
            if (Metadata.RowGroups[g].RowCount == 0) continue;
            if (stats is { Min: long min, Max: long max } && (max < from || min >= to)) continue;
            if (stats is { NullCount: { } nulls } && nulls == Metadata.RowGroups[g].RowCount) continue;
            result.Add(g);
        }
        return result;
    }

    /// <summary>Reads one column of one row group into new arrays.</summary>
    public ParquetColumn ReadColumn(int rowGroup, string column) => ReadColumn(rowGroup, ColumnIndex(column));

    /// <summary>Reads one column of one row group into new arrays.</summary>
    public ParquetColumn ReadColumn(int rowGroup, int column)
    {
        var field = Field(column);
        var rows = RowGroupRowCount(rowGroup);
        var nulls = field.Nullable ? new bool[rows] : null;
        Array values;
        switch (field.Type)
        {
            case ParquetType.Int32: { var v = new int[rows]; ReadColumn<int>(rowGroup, column, v, nulls); values = v; break; }
            case ParquetType.Int64: { var v = new long[rows]; ReadColumn<long>(rowGroup, column, v, nulls); values = v; break; }
            case ParquetType.Float: { var v = new float[rows]; ReadColumn<float>(rowGroup, column, v, nulls); values = v; break; }
            case ParquetType.Double: { var v = new double[rows]; ReadColumn<double>(rowGroup, column, v, nulls); values = v; break; }
            case ParquetType.Boolean: { var v = new bool[rows]; ReadColumn<bool>(rowGroup, column, v, nulls); values = v; break; }
            default: { var v = new string?[rows]; ReadStrings(rowGroup, column, v, nulls); values = v; break; }
        }
        return new ParquetColumn(field, values, nulls);
    }

    /// <summary>
    /// Decodes one column chunk into <paramref name="values"/> (exactly the row group's rows long; T is int, long,
    /// float, double or bool to match the column) and, for nullable columns, <paramref name="nulls"/> (true = null;
    /// pass an empty span to skip the mask). Nothing is allocated per row.
    /// </summary>
    public void ReadColumn<T>(int rowGroup, int column, Span<T> values, Span<bool> nulls) where T : unmanaged
    {
        var field = Field(column);
        var expected = field.Type switch
        {
            ParquetType.Int32 => typeof(int),
            ParquetType.Int64 => typeof(long),
            ParquetType.Float => typeof(float),
            ParquetType.Double => typeof(double),
            ParquetType.Boolean => typeof(bool),
            _ => typeof(string),
        };
        if (typeof(T) != expected) throw new ArgumentException($"column '{field.Name}' is {field.Type}; read it as {expected.Name}, not {typeof(T).Name}");
        using var cursor = OpenChunk(rowGroup, column, values.Length, nulls.Length);
        if (typeof(T) == typeof(bool))
            ColumnDecoder.ReadBooleans(cursor, System.Runtime.InteropServices.MemoryMarshal.Cast<T, bool>(values), nulls);
        else
            ColumnDecoder.ReadFixed(cursor, values, nulls);
    }

    /// <summary>Decodes a string column chunk into <paramref name="values"/> (null where the row is null).</summary>
    public void ReadStrings(int rowGroup, int column, Span<string?> values, Span<bool> nulls)
    {
        var field = Field(column);
        if (field.Type != ParquetType.String) throw new ArgumentException($"column '{field.Name}' is {field.Type}, not String");
        using var cursor = OpenChunk(rowGroup, column, values.Length, nulls.Length);
        ColumnDecoder.ReadStrings(cursor, values, nulls);
    }

    /// <summary>Reads the given columns (all when null) of one row group as a table.</summary>
    public ParquetTable ReadRowGroup(int rowGroup, IReadOnlyList<string>? columns = null)
    {
        var names = columns ?? Schema.Fields.Select(f => f.Name).ToArray();
        var result = new ParquetColumn[names.Count];
        for (var i = 0; i < names.Count; i++) result[i] = ReadColumn(rowGroup, names[i]);
        return new ParquetTable(result);
    }

    /// <summary>The position of <paramref name="column"/>; throws naming the columns that exist.</summary>
    public int ColumnIndex(string column)
    {
        var i = Schema.IndexOf(column);
        return i >= 0 ? i : throw new KeyNotFoundException($"{_source.Name} has no column '{column}'; columns are: {string.Join(", ", Schema.Fields.Select(f => f.Name))}");
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _source.Dispose();

    private ColumnChunkCursor OpenChunk(int rowGroup, int column, int valuesLength, int nullsLength)
    {
        var group = RowGroup(rowGroup);
        var field = Field(column);
        var rows = (int)group.NumRows;
        if (valuesLength != rows) throw new ArgumentException($"row group {rowGroup} has {rows} rows; the value span has {valuesLength}");
        if (nullsLength != 0 && nullsLength != rows) throw new ArgumentException($"row group {rowGroup} has {rows} rows; the null span has {nullsLength}");
        var m = group.Columns[column].MetaData!;
        var start = FooterReader.ChunkStart(m);
        return new ColumnChunkCursor(_source, start, (int)m.TotalCompressedSize, m.Codec, field.Nullable, rows, field.Name);
    }

    private RowGroup RowGroup(int rowGroup) =>
        (uint)rowGroup < (uint)_meta.RowGroups.Count ? _meta.RowGroups[rowGroup]
        : throw new ArgumentOutOfRangeException(nameof(rowGroup), rowGroup, $"the file has {_meta.RowGroups.Count} row groups");

    private ParquetField Field(int column) =>
        (uint)column < (uint)_columns.Length ? _columns[column].Field
        : throw new ArgumentOutOfRangeException(nameof(column), column, $"the file has {_columns.Length} columns");

    private ParquetFileMetadata BuildMetadata()
    {
        var schema = new ParquetSchema(_columns.Select(c => c.Field).ToArray());
        var groups = new List<ParquetRowGroupInfo>(_meta.RowGroups.Count);
        foreach (var g in _meta.RowGroups)
        {
            var chunks = new ParquetColumnChunkInfo[_columns.Length];
            for (var c = 0; c < _columns.Length; c++)
            {
                var m = g.Columns[c].MetaData!;
                chunks[c] = new ParquetColumnChunkInfo(
                    _columns[c].Field.Name,
                    (ParquetCompression)m.Codec,
                    m.Encodings.Select(EncodingName).ToArray(),
                    m.NumValues,
                    m.TotalCompressedSize,
                    m.TotalUncompressedSize,
                    m.Statistics is null ? null : DecodeStatistics(m.Statistics, _columns[c].Field.Type));
            }
            groups.Add(new ParquetRowGroupInfo(g.NumRows, chunks));
        }
        var kv = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in _meta.KeyValueMetadata) kv[entry.Key] = entry.Value ?? "";
        return new ParquetFileMetadata(schema, _meta.NumRows, groups, kv, _meta.CreatedBy);
    }

    private static string EncodingName(int encoding) => encoding switch
    {
        0 => "PLAIN",
        2 => "PLAIN_DICTIONARY",
        3 => "RLE",
        4 => "BIT_PACKED",
        5 => "DELTA_BINARY_PACKED",
        6 => "DELTA_LENGTH_BYTE_ARRAY",
        7 => "DELTA_BYTE_ARRAY",
        8 => "RLE_DICTIONARY",
        9 => "BYTE_STREAM_SPLIT",
        _ => $"#{encoding}",
    };

    /// <summary>Decodes plain-encoded min/max; floating NaN bounds and wrongly sized values are dropped as untrustworthy.</summary>
    private static ParquetStatistics DecodeStatistics(Statistics s, ParquetType type)
    {
        var legacyOk = type is not ParquetType.String; // the deprecated fields used signed byte order for strings
        var min = s.MinValue ?? (legacyOk ? s.Min : null);
        var max = s.MaxValue ?? (legacyOk ? s.Max : null);
        return new ParquetStatistics(Decode(min, type), Decode(max, type), s.NullCount);
    }

    private static object? Decode(byte[]? bytes, ParquetType type)
    {
        if (bytes is null) return null;
        return type switch
        {
            ParquetType.Int32 when bytes.Length == 4 => BinaryPrimitives.ReadInt32LittleEndian(bytes),
            ParquetType.Int64 when bytes.Length == 8 => BinaryPrimitives.ReadInt64LittleEndian(bytes),
            ParquetType.Float when bytes.Length == 4 => BinaryPrimitives.ReadSingleLittleEndian(bytes) is var f && !float.IsNaN(f) ? f : null,
            ParquetType.Double when bytes.Length == 8 => BinaryPrimitives.ReadDoubleLittleEndian(bytes) is var d && !double.IsNaN(d) ? d : null,
            ParquetType.Boolean when bytes.Length == 1 => bytes[0] != 0,
            ParquetType.String => Encoding.UTF8.GetString(bytes),
            _ => null,
        };
    }
}
