namespace Backtest.Parquet;

/// <summary>
/// Whole-table convenience over <see cref="ParquetWriter"/> and <see cref="ParquetReader"/>: what the lake
/// uses to write a table, read it back (optionally only some columns and a ts range), or inspect a footer.
/// </summary>
public static class ParquetFile
{
    /// <summary>Writes <paramref name="table"/> to <paramref name="stream"/> (left open), in row groups of the options' size.</summary>
    public static void Write(Stream stream, ParquetTable table, ParquetWriteOptions? options = null)
    {
        using var writer = new ParquetWriter(stream, table.Schema, options, leaveOpen: true);
        writer.WriteRowGroup(table);
        writer.Finish();
    }

    /// <summary>Writes <paramref name="table"/> to a new file at <paramref name="path"/> (callers wanting atomicity write a temp file and rename).</summary>
    public static void Write(string path, ParquetTable table, ParquetWriteOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Write(stream, table, options);
    }

    /// <summary>
    /// Reads the file at <paramref name="path"/>: the given <paramref name="columns"/> (all when null), and when
    /// <paramref name="tsRange"/> is given only rows with from ≤ ts &lt; to, skipping row groups whose ts
    /// statistics rule them out. The range needs an Int64 column named <c>ts</c>; rows with a null ts are dropped.
    /// </summary>
    public static ParquetTable Read(string path, IReadOnlyList<string>? columns = null, (long From, long To)? tsRange = null)
    {
        using var reader = new ParquetReader(path);
        return Read(reader, columns, tsRange);
    }

    /// <summary>Reads a table from an open reader (see <see cref="Read(string, IReadOnlyList{string}?, ValueTuple{long, long}?)"/>).</summary>
    public static ParquetTable Read(ParquetReader reader, IReadOnlyList<string>? columns = null, (long From, long To)? tsRange = null)
    {
        var names = columns ?? reader.Schema.Fields.Select(f => f.Name).ToArray();
        var indices = names.Select(reader.ColumnIndex).ToArray();
        IReadOnlyList<int> groups = tsRange is { } range
            ? reader.RowGroupsOverlapping(range.From, range.To)
            : Enumerable.Range(0, reader.RowGroupCount).ToArray();
        long total = 0;
        foreach (var g in groups) total += reader.RowGroupRowCount(g);
        if (total > Array.MaxLength) throw new InvalidOperationException($"{total} rows do not fit one table; stream the file with ParquetReader");

        // Rows kept per group: all of them, or those whose ts falls in the range.
        var keep = new bool[groups.Count][];
        var kept = new int[groups.Count];
        var tsIndex = tsRange is null ? -1 : reader.ColumnIndex("ts");
        for (var i = 0; i < groups.Count; i++)
        {
            var rows = reader.RowGroupRowCount(groups[i]);
            kept[i] = rows;
            if (tsRange is not { } r) continue;
            var ts = new long[rows];
            var tsNulls = reader.Schema.Fields[tsIndex].Nullable ? new bool[rows] : Span<bool>.Empty;
            reader.ReadColumn<long>(groups[i], tsIndex, ts, tsNulls);
            var mask = new bool[rows];
            var n = 0;
            for (var k = 0; k < rows; k++)
            {
                mask[k] = ts[k] >= r.From && ts[k] < r.To && (tsNulls.IsEmpty || !tsNulls[k]);
                if (mask[k]) n++;
            }
            kept[i] = n;
            keep[i] = mask;
        }
        var rowCount = 0;
        foreach (var n in kept) rowCount += n;

        var result = new ParquetColumn[indices.Length];
        for (var c = 0; c < indices.Length; c++)
        {
            var field = reader.Schema.Fields[indices[c]];
            var values = Array.CreateInstance(ParquetColumn.ClrType(field.Type).GetElementType()!, rowCount);
            var nulls = field.Nullable ? new bool[rowCount] : null;
            var at = 0;
            for (var i = 0; i < groups.Count; i++)
            {
                if (kept[i] == 0) continue;
                if (keep[i] is null || kept[i] == keep[i].Length)
                {
                    // The whole group is wanted: decode straight into the table's arrays.
                    ReadInto(reader, groups[i], indices[c], field.Type, values, nulls, at, kept[i]);
                    at += kept[i];
                    continue;
                }
                var part = reader.ReadColumn(groups[i], indices[c]);
                at = CopySelected(part, keep[i], values, nulls, at);
            }
            result[c] = new ParquetColumn(field, values, nulls);
        }
        return new ParquetTable(result);
    }

    private static void ReadInto(ParquetReader reader, int group, int column, ParquetType type, Array values, bool[]? nulls, int at, int rows)
    {
        var nullSpan = nulls is null ? Span<bool>.Empty : nulls.AsSpan(at, rows);
        switch (type)
        {
            case ParquetType.Int32: reader.ReadColumn(group, column, ((int[])values).AsSpan(at, rows), nullSpan); break;
            case ParquetType.Int64: reader.ReadColumn(group, column, ((long[])values).AsSpan(at, rows), nullSpan); break;
            case ParquetType.Float: reader.ReadColumn(group, column, ((float[])values).AsSpan(at, rows), nullSpan); break;
            case ParquetType.Double: reader.ReadColumn(group, column, ((double[])values).AsSpan(at, rows), nullSpan); break;
            case ParquetType.Boolean: reader.ReadColumn(group, column, ((bool[])values).AsSpan(at, rows), nullSpan); break;
            default: reader.ReadStrings(group, column, ((string?[])values).AsSpan(at, rows), nullSpan); break;
        }
    }

    private static int CopySelected(ParquetColumn part, bool[] keep, Array values, bool[]? nulls, int at)
    {
        return part.Field.Type switch
        {
            ParquetType.Int32 => Copy(part.Int32s(), (int[])values),
            ParquetType.Int64 => Copy(part.Int64s(), (long[])values),
            ParquetType.Float => Copy(part.Floats(), (float[])values),
            ParquetType.Double => Copy(part.Doubles(), (double[])values),
            ParquetType.Boolean => Copy(part.Booleans(), (bool[])values),
            _ => Copy(part.Strings(), (string?[])values),
        };

        int Copy<T>(T[] source, T[] target)
        {
            var k = at;
            for (var r = 0; r < keep.Length; r++)
            {
                if (!keep[r]) continue;
                target[k] = source[r];
                if (nulls is not null) nulls[k] = part.Nulls![r];
                k++;
            }
            return k;
        }
    }

    /// <summary>The footer of the file at <paramref name="path"/>: schema, row count, row groups with statistics, key/value metadata.</summary>
    public static ParquetFileMetadata ReadMetadata(string path)
    {
        using var reader = new ParquetReader(path);
        return reader.Metadata;
    }
}
