using System.Buffers.Binary;
using Backtest.Parquet.Format;
using Backtest.Parquet.Thrift;

namespace Backtest.Parquet.Reading;

/// <summary>
/// Finds, parses and validates the footer: magic bytes, footer length, a flat schema of supported types, and
/// row groups whose counts agree with each other and whose chunks lie inside the file. After this, every
/// size the column readers trust has been checked against the file.
/// </summary>
internal static class FooterReader
{
    private static ReadOnlySpan<byte> Magic => "PAR1"u8;

    public static (FileMetaData Meta, ColumnDescriptor[] Columns) Read(ByteSource source)
    {
        var file = source.Name;
        var length = source.Length;
        if (length < 12)
            throw new ParquetFormatException(file, $"not a Parquet file: it has {length} bytes, fewer than the 12 of an empty Parquet file");
        Span<byte> head = stackalloc byte[4];
        source.ReadExactly(0, head);
        if (!head.SequenceEqual(Magic))
            throw new ParquetFormatException(file, "not a Parquet file: it does not start with the magic bytes PAR1");
        Span<byte> tail = stackalloc byte[8];
        source.ReadExactly(length - 8, tail);
        if (tail[4..].SequenceEqual("PARE"u8))
            throw new ParquetFormatException(file, "the file has an encrypted footer (PARE), which this reader does not support");
        if (!tail[4..].SequenceEqual(Magic))
            throw new ParquetFormatException(file, "truncated or not a Parquet file: it does not end with the magic bytes PAR1 (a file cut short loses its footer)");
        var footerLength = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        if (footerLength == 0 || footerLength > length - 12)
            throw new ParquetFormatException(file, $"truncated or corrupt footer: it claims {footerLength} bytes but the file has room for {length - 12}");
        var footer = new byte[footerLength];
        source.ReadExactly(length - 8 - footerLength, footer);
        var reader = new ThriftCompactReader(footer, file, "footer");
        var meta = FileMetaData.Read(ref reader);
        var columns = Schema(file, meta);
        Validate(file, meta, columns, length - 8 - footerLength);
        return (meta, columns);
    }

    private static ColumnDescriptor[] Schema(string file, FileMetaData meta)
    {
        if (meta.Schema.Count == 0) throw new ParquetFormatException(file, "the footer has an empty schema");
        var root = meta.Schema[0];
        var leaves = meta.Schema.Count - 1;
        for (var i = 1; i < meta.Schema.Count; i++)
        {
            var e = meta.Schema[i];
            if (e.NumChildren is > 0 || e.Type is null)
                throw new ParquetFormatException(file, $"column '{e.Name}' is a nested group; only flat schemas of primitive columns are supported");
            if (e.Repetition == 2)
                throw new ParquetFormatException(file, $"column '{e.Name}' is REPEATED (a list); only flat schemas of primitive columns are supported");
        }
        if (root.NumChildren != leaves)
            throw new ParquetFormatException(file, $"the schema root declares {root.NumChildren} children but {leaves} columns follow");
        var columns = new ColumnDescriptor[leaves];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < leaves; i++)
        {
            var e = meta.Schema[i + 1];
            if (e.Name.Length == 0) throw new ParquetFormatException(file, $"column {i} has an empty name");
            if (!names.Add(e.Name)) throw new ParquetFormatException(file, $"the schema names column '{e.Name}' twice");
            var physical = e.Type!.Value;
            var type = physical switch
            {
                PhysicalType.Boolean => ParquetType.Boolean,
                PhysicalType.Int32 => ParquetType.Int32,
                PhysicalType.Int64 => ParquetType.Int64,
                PhysicalType.Float => ParquetType.Float,
                PhysicalType.Double => ParquetType.Double,
                PhysicalType.ByteArray when IsText(e) => ParquetType.String,
                PhysicalType.ByteArray => throw new ParquetFormatException(file, $"column '{e.Name}' is binary (BYTE_ARRAY without a STRING annotation); only UTF-8 strings are supported"),
                PhysicalType.Int96 => throw new ParquetFormatException(file, $"column '{e.Name}' is a legacy INT96 timestamp; re-export it as INT64 timestamps (DuckDB writes those by default)"),
                PhysicalType.FixedLenByteArray => throw new ParquetFormatException(file, $"column '{e.Name}' is FIXED_LEN_BYTE_ARRAY (decimal, UUID, float16…), which is not supported"),
                _ => throw new ParquetFormatException(file, $"column '{e.Name}' has unknown physical type {(int)physical}"),
            };
            ParquetLogicalType? logical = null;
            if (physical == PhysicalType.Int64) logical = TimestampOf(e);
            var nullable = e.Repetition == 1;
            columns[i] = new ColumnDescriptor(i, new ParquetField(e.Name, type, nullable, logical), physical);
        }
        return columns;
    }

    private static bool IsText(SchemaElement e) =>
        e.LogicalType?.Kind is LogicalTypeAnnotation.String or 4 /* ENUM */ or 12 /* JSON */
        || e.ConvertedType is ConvertedType.Utf8 or 4 /* ENUM */ or 19 /* JSON */;

    private static ParquetLogicalType? TimestampOf(SchemaElement e)
    {
        if (e.LogicalType is { Kind: LogicalTypeAnnotation.Timestamp } lt)
            return (lt.TimeUnit, lt.IsAdjustedToUtc) switch
            {
                (1, true) => ParquetLogicalType.TimestampMillisUtc,
                (1, false) => ParquetLogicalType.TimestampMillisLocal,
                (2, true) => ParquetLogicalType.TimestampMicrosUtc,
                (2, false) => ParquetLogicalType.TimestampMicrosLocal,
                (3, true) => ParquetLogicalType.TimestampNanosUtc,
                (3, false) => ParquetLogicalType.TimestampNanosLocal,
                _ => null,
            };
        if (e.LogicalType is null)
            return e.ConvertedType switch
            {
                ConvertedType.TimestampMillis => ParquetLogicalType.TimestampMillisUtc,
                ConvertedType.TimestampMicros => ParquetLogicalType.TimestampMicrosUtc,
                _ => null,
            };
        return null;
    }

    private static void Validate(string file, FileMetaData meta, ColumnDescriptor[] columns, long dataEnd)
    {
        if (meta.NumRows < 0) throw new ParquetFormatException(file, $"the footer declares {meta.NumRows} rows");
        long total = 0;
        for (var g = 0; g < meta.RowGroups.Count; g++)
        {
            var group = meta.RowGroups[g];
            if (group.NumRows < 0 || group.NumRows > Array.MaxLength)
                throw new ParquetFormatException(file, $"row group {g} declares {group.NumRows} rows");
            total += group.NumRows;
            if (group.Columns.Count != columns.Length)
                throw new ParquetFormatException(file, $"row group {g} has {group.Columns.Count} column chunks for {columns.Length} columns");
            for (var c = 0; c < columns.Length; c++)
            {
                var chunk = group.Columns[c];
                var name = columns[c].Field.Name;
                if (chunk.FilePath is not null)
                    throw new ParquetFormatException(file, $"row group {g}, column '{name}' lives in another file ({chunk.FilePath}), which is not supported");
                var m = chunk.MetaData ?? throw new ParquetFormatException(file, $"row group {g}, column '{name}' has no column metadata");
                if (m.Type != columns[c].Physical)
                    throw new ParquetFormatException(file, $"row group {g}, column '{name}' stores physical type {(int)m.Type} but the schema says {(int)columns[c].Physical}");
                if (m.PathInSchema.Count != 1 || m.PathInSchema[0] != name)
                    throw new ParquetFormatException(file, $"row group {g}: column chunk {c} is for '{string.Join(".", m.PathInSchema)}', not '{name}'");
                if (m.NumValues != group.NumRows)
                    throw new ParquetFormatException(file, $"row group {g}, column '{name}' holds {m.NumValues} values for {group.NumRows} rows");
                var start = ChunkStart(m);
                if (start < 4 || m.TotalCompressedSize <= 0 || m.TotalCompressedSize > int.MaxValue || start + m.TotalCompressedSize > dataEnd)
                    throw new ParquetFormatException(file, $"row group {g}, column '{name}': its {m.TotalCompressedSize} bytes at offset {start} do not lie between the header and the footer (truncated or corrupt)");
            }
        }
        if (total != meta.NumRows)
            throw new ParquetFormatException(file, $"the footer declares {meta.NumRows} rows but its row groups hold {total}");
    }

    /// <summary>Where a chunk's first page is: the dictionary page when there is one before the data pages.</summary>
    public static long ChunkStart(ColumnMetaData m) =>
        m.DictionaryPageOffset is { } d && d > 0 && d < m.DataPageOffset ? d : m.DataPageOffset;
}
