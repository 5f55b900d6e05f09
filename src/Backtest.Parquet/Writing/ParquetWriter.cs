using Backtest.Parquet.Format;
using Backtest.Parquet.Thrift;
using Backtest.Parquet.Writing;

namespace Backtest.Parquet;

/// <summary>
/// Writes a Parquet file row group by row group, so large tables never need to sit in memory whole.
/// Call <see cref="WriteRowGroup"/> per batch, then <see cref="Finish"/> (or dispose) to write the footer.
/// Output depends only on the data and options: no clock, no random ids.
/// </summary>
public sealed class ParquetWriter : IDisposable
{
    /// <summary>The fixed writer name in every file's footer (no build hash, so files stay byte-identical).</summary>
    public const string CreatedBy = "backtest-parquet version 1.0";

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly CountingStream _out;
    private readonly ParquetWriteOptions _options;
    private readonly ColumnChunkWriter _chunks;
    private readonly List<RowGroup> _rowGroups = [];
    private long _rows;
    private bool _finished;

    /// <summary>Starts a file with <paramref name="schema"/> on <paramref name="stream"/> (need not be seekable).</summary>
    public ParquetWriter(Stream stream, ParquetSchema schema, ParquetWriteOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(schema);
        _options = options ?? new ParquetWriteOptions();
        _options.Validate();
        _stream = stream;
        _leaveOpen = leaveOpen;
        Schema = schema;
        _out = new CountingStream(stream);
        _chunks = new ColumnChunkWriter(_out, _options.Compression, _options.DictionaryForStrings, _options.DataPageV2);
        _out.Write("PAR1"u8);
    }

    /// <summary>The schema every batch must have.</summary>
    public ParquetSchema Schema { get; }

    /// <summary>Writes <paramref name="batch"/> as one row group (several if it exceeds the options' RowGroupSize).</summary>
    public void WriteRowGroup(ParquetTable batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        CheckSchema(batch);
        if (batch.RowCount == 0) return;
        for (var start = 0; start < batch.RowCount; start += _options.RowGroupSize)
            WriteGroup(batch, start, Math.Min(_options.RowGroupSize, batch.RowCount - start));
    }

    /// <summary>Writes the footer. The stream is left positioned after the file; further writes are refused.</summary>
    public void Finish()
    {
        if (_finished) return;
        _finished = true;
        var meta = new FileMetaData
        {
            Version = 2,
            NumRows = _rows,
            RowGroups = _rowGroups,
            CreatedBy = CreatedBy,
            KeyValueMetadata = _options.KeyValueMetadata
                .OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new KeyValue { Key = kv.Key, Value = kv.Value })
                .ToList(),
        };
        var thrift = new ThriftCompactWriter();
        try
        {
            meta.Write(thrift, Schema.Fields.Count, WriteSchema);
        }
        catch (System.Text.EncoderFallbackException e)
        {
            throw new ArgumentException("a column name or key/value metadata entry is not valid UTF-16 (a lone surrogate), which UTF-8 cannot store", e);
        }
        var footer = thrift.WrittenSpan;
        _out.Write(footer);
        Span<byte> tail = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(tail, footer.Length);
        "PAR1"u8.CopyTo(tail[4..]);
        _out.Write(tail);
        _stream.Flush();
    }

    /// <summary>Finishes the file (if not yet) and closes the stream unless asked to leave it open.</summary>
    public void Dispose()
    {
        try
        {
            Finish();
        }
        finally
        {
            if (!_leaveOpen) _stream.Dispose();
        }
    }

    private void WriteGroup(ParquetTable batch, int start, int count)
    {
        if (_finished) throw new InvalidOperationException("the Parquet file is already finished");
        var groupStart = _out.Position;
        var group = new RowGroup { NumRows = count, FileOffset = groupStart };
        long uncompressed = 0;
        foreach (var column in batch.Columns)
        {
            var chunk = _chunks.Write(column, start, count);
            uncompressed += chunk.MetaData!.TotalUncompressedSize;
            group.Columns.Add(chunk);
        }
        group.TotalByteSize = uncompressed;
        group.TotalCompressedSize = _out.Position - groupStart;
        _rowGroups.Add(group);
        _rows += count;
    }

    private void CheckSchema(ParquetTable batch)
    {
        var fields = batch.Schema.Fields;
        if (fields.Count != Schema.Fields.Count)
            throw new ArgumentException($"the batch has {fields.Count} columns but the file's schema has {Schema.Fields.Count}: {Schema}");
        for (var i = 0; i < fields.Count; i++)
        {
            var want = Schema.Fields[i];
            var got = fields[i];
            // A nullable file column accepts a batch column that happens to have no null mask.
            if (got.Name != want.Name || got.Type != want.Type || got.LogicalType != want.LogicalType || (got.Nullable && !want.Nullable))
                throw new ArgumentException($"batch column {i} is {got} but the file's schema has {want}");
        }
    }

    private void WriteSchema(ThriftCompactWriter w)
    {
        w.FieldListBegin(2, ThriftType.Struct, Schema.Fields.Count + 1);
        w.BeginStruct();
        w.FieldString(4, "schema");
        w.FieldI32(5, Schema.Fields.Count);
        w.EndStruct();
        foreach (var f in Schema.Fields)
        {
            w.BeginStruct();
            w.FieldI32(1, (int)PhysicalOf(f.Type));
            w.FieldI32(3, f.Nullable ? 1 : 0);
            w.FieldString(4, f.Name);
            if (f.Type == ParquetType.String)
            {
                w.FieldI32(6, ConvertedType.Utf8);
                LogicalTypeAnnotation.WriteString(w, 10);
            }
            else if (f.LogicalType is { } lt)
            {
                var (unit, utc) = lt switch
                {
                    ParquetLogicalType.TimestampMillisUtc => (1, true),
                    ParquetLogicalType.TimestampMillisLocal => (1, false),
                    ParquetLogicalType.TimestampMicrosUtc => (2, true),
                    ParquetLogicalType.TimestampMicrosLocal => (2, false),
                    ParquetLogicalType.TimestampNanosUtc => (3, true),
                    _ => (3, false),
                };
                // The legacy converted types mean UTC-adjusted millis/micros; other timestamps carry only the logical type.
                if (utc && unit == 1) w.FieldI32(6, ConvertedType.TimestampMillis);
                if (utc && unit == 2) w.FieldI32(6, ConvertedType.TimestampMicros);
                LogicalTypeAnnotation.WriteTimestamp(w, 10, utc, unit);
            }
            w.EndStruct();
        }
    }

    private static PhysicalType PhysicalOf(ParquetType type) => type switch
    {
        ParquetType.Int32 => PhysicalType.Int32,
        ParquetType.Int64 => PhysicalType.Int64,
        ParquetType.Float => PhysicalType.Float,
        ParquetType.Double => PhysicalType.Double,
        ParquetType.Boolean => PhysicalType.Boolean,
        _ => PhysicalType.ByteArray,
    };
}
