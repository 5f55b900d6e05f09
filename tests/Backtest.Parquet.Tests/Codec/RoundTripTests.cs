using Backtest.Parquet.Tests.Support;

namespace Backtest.Parquet.Tests.Codec;

/// <summary>Write then read with our own codec: every type, nulls, row-group splits, codecs, projection, determinism.</summary>
public sealed class RoundTripTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<ParquetCompression, bool, int> Layouts()
    {
        var data = new TheoryData<ParquetCompression, bool, int>();
        foreach (var c in new[] { ParquetCompression.Uncompressed, ParquetCompression.Snappy, ParquetCompression.Gzip })
        foreach (var dict in new[] { false, true })
        foreach (var groupSize in new[] { 1, 7, 1000, 1 << 20 })
            data.Add(c, dict, groupSize);
        return data;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Every_type_and_edge_value_survives(ParquetCompression compression, bool dictionary, int rowGroupSize)
    {
        var table = TestTables.EdgeCases(rowGroupSize == 1 ? 40 : 2500);
        var path = _dir.File("t.parquet");
        var options = new ParquetWriteOptions { Compression = compression, DictionaryForStrings = dictionary, RowGroupSize = rowGroupSize };
        ParquetFile.Write(path, table, options);

        var back = ParquetFile.Read(path);
        ColumnAssert.Equal(table, back, $"{compression}/dict={dictionary}/groups of {rowGroupSize}");
        Assert.Equal(table.Schema.ToString(), back.Schema.ToString());
        var meta = ParquetFile.ReadMetadata(path);
        Assert.Equal((table.RowCount + rowGroupSize - 1) / rowGroupSize, meta.RowGroups.Count);
        Assert.All(meta.RowGroups.SelectMany(g => g.Columns), c => Assert.Equal(compression, c.Compression));
    }

    [Theory]
    [InlineData(ParquetCompression.Uncompressed)]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Gzip)]
    public void Data_page_v2_round_trips(ParquetCompression compression)
    {
        var table = TestTables.EdgeCases(2500, seed: 9);
        var path = _dir.File("v2.parquet");
        ParquetFile.Write(path, table, new ParquetWriteOptions { Compression = compression, RowGroupSize = 700, DataPageV2 = true });
        Assert.Equal(Backtest.Parquet.Format.PageType.DataPageV2, PageProbe.FirstDataPageType(path, column: 0));
        ColumnAssert.Equal(table, ParquetFile.Read(path), $"v2 {compression}");
    }

    [Fact]
    public void Pages_split_inside_a_row_group_keep_order_and_nulls()
    {
        // More rows than one data page holds, so chunks have several pages with their own levels.
        var rows = 3 * (1 << 17) + 12345;
        var ts = new long[rows];
        var x = new double[rows];
        var nulls = new bool[rows];
        var s = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            ts[i] = i * 60_000L;
            x[i] = i * 0.5;
            nulls[i] = i % 3 == 0;
            s[i] = i % 5 == 0 ? null : "v" + (i % 1000);
        }
        var table = new ParquetTable(
            ParquetColumn.TimestampMillisUtc("ts", ts), ParquetColumn.Double("x", x, nulls), ParquetColumn.String("s", s, nullable: true));
        foreach (var c in new[] { ParquetCompression.Uncompressed, ParquetCompression.Snappy })
        {
            var path = _dir.File($"pages-{c}.parquet");
            ParquetFile.Write(path, table, new ParquetWriteOptions { Compression = c });
            ColumnAssert.Equal(table, ParquetFile.Read(path), c.ToString());
        }
    }

    [Fact]
    public void Same_table_and_options_give_identical_bytes()
    {
        var table = TestTables.EdgeCases(3000, seed: 7);
        foreach (var c in new[] { ParquetCompression.Uncompressed, ParquetCompression.Snappy, ParquetCompression.Gzip })
        {
            var options = new ParquetWriteOptions
            {
                Compression = c, RowGroupSize = 1000,
                KeyValueMetadata = new Dictionary<string, string> { ["z"] = "last", ["a"] = "first", ["action_key"] = "abc" },
            };
            var first = new MemoryStream();
            var second = new MemoryStream();
            ParquetFile.Write(first, table, options);
            ParquetFile.Write(second, TestTables.EdgeCases(3000, seed: 7), options with { KeyValueMetadata = new Dictionary<string, string>(options.KeyValueMetadata.Reverse()) });
            Assert.Equal(first.ToArray(), second.ToArray());
        }
    }

    [Fact]
    public void Projection_reads_only_the_named_columns_in_the_given_order()
    {
        var table = TestTables.EdgeCases(500);
        var path = _dir.File("p.parquet");
        ParquetFile.Write(path, table);
        var back = ParquetFile.Read(path, ["name_null", "ts", "f64"]);
        Assert.Equal(["name_null", "ts", "f64"], back.Columns.Select(c => c.Name));
        foreach (var c in back.Columns) ColumnAssert.Equal(table[c.Name], c, "projection");
        var ex = Assert.Throws<KeyNotFoundException>(() => ParquetFile.Read(path, ["nope"]));
        Assert.Contains("no column 'nope'", ex.Message);
    }

    [Fact]
    public void Metadata_reports_schema_rows_groups_statistics_and_key_values()
    {
        var table = TestTables.EdgeCases(300);
        var path = _dir.File("m.parquet");
        ParquetFile.Write(path, table, new ParquetWriteOptions
        {
            RowGroupSize = 100,
            KeyValueMetadata = new Dictionary<string, string> { ["rows"] = "300", ["spec"] = "sha256:…" },
        });
        var meta = ParquetFile.ReadMetadata(path);
        Assert.Equal(300, meta.RowCount);
        Assert.Equal(3, meta.RowGroups.Count);
        Assert.Equal("backtest-parquet version 1.0", meta.CreatedBy);
        Assert.Equal("300", meta.KeyValueMetadata["rows"]);
        Assert.Equal("sha256:…", meta.KeyValueMetadata["spec"]);
        Assert.Equal(ParquetLogicalType.TimestampMillisUtc, meta.Schema["ts"].LogicalType);
        Assert.True(meta.Schema["i64_null"].Nullable);
        Assert.False(meta.Schema["i64"].Nullable);
        for (var g = 0; g < 3; g++)
        {
            var rows = Enumerable.Range(g * 100, 100).ToArray();
            var ts = table["ts"].Int64s();
            var stats = meta.RowGroups[g].Column("ts").Statistics!;
            Assert.Equal(rows.Min(r => ts[r]), stats.Min);
            Assert.Equal(rows.Max(r => ts[r]), stats.Max);
            Assert.Equal(0L, stats.NullCount);
            var col = table["f64_null"];
            var f = col.Doubles();
            var present = rows.Where(r => !col.IsNull(r) && !double.IsNaN(f[r])).ToArray();
            var fs = meta.RowGroups[g].Column("f64_null").Statistics!;
            Assert.Equal(rows.Count(col.IsNull), fs.NullCount);
            Assert.Equal(present.Min(r => f[r]), (double)fs.Min!);
            Assert.Equal(present.Max(r => f[r]), (double)fs.Max!);
            var sc = table["name_null"];
            var strings = rows.Where(r => !sc.IsNull(r)).Select(r => sc.Strings()[r]!).ToArray();
            var ss = meta.RowGroups[g].Column("name_null").Statistics!;
            Assert.Equal(strings.OrderBy(x => x, StringComparer.Ordinal).First(), ss.Min); // ASCII/BMP-only sample: ordinal = UTF-8 order
        }
    }

    [Fact]
    public void A_zero_row_table_writes_a_valid_file_with_its_schema()
    {
        var table = TestTables.EdgeCases(0);
        var path = _dir.File("empty.parquet");
        ParquetFile.Write(path, table);
        var back = ParquetFile.Read(path);
        Assert.Equal(0, back.RowCount);
        Assert.Equal(table.Schema.ToString(), back.Schema.ToString());
        Assert.Empty(ParquetFile.ReadMetadata(path).RowGroups);
    }

    [Fact]
    public void Streaming_writer_and_reader_work_group_by_group_into_caller_spans()
    {
        var schema = new ParquetSchema([ParquetField.TimestampMillisUtc("ts"), new ParquetField("x", ParquetType.Double, Nullable: true)]);
        var path = _dir.File("s.parquet");
        using (var stream = File.Create(path))
        using (var writer = new ParquetWriter(stream, schema, new ParquetWriteOptions { Compression = ParquetCompression.Snappy }))
        {
            for (var b = 0; b < 5; b++)
            {
                var n = 1000 + b;
                var ts = Enumerable.Range(0, n).Select(i => (long)(b * 10_000 + i)).ToArray();
                var x = Enumerable.Range(0, n).Select(i => i * 1.0).ToArray();
                var nulls = Enumerable.Range(0, n).Select(i => i % 10 == b).ToArray();
                writer.WriteRowGroup(new ParquetTable(ParquetColumn.TimestampMillisUtc("ts", ts), ParquetColumn.Double("x", x, nulls)));
            }
        }
        using var reader = new ParquetReader(path);
        Assert.Equal(5, reader.RowGroupCount);
        var buffer = new double[2000];
        var mask = new bool[2000];
        for (var g = 0; g < 5; g++)
        {
            var n = reader.RowGroupRowCount(g);
            Assert.Equal(1000 + g, n);
            reader.ReadColumn<double>(g, 1, buffer.AsSpan(0, n), mask.AsSpan(0, n));
            for (var i = 0; i < n; i++)
            {
                Assert.Equal(i % 10 == g, mask[i]);
                Assert.Equal(mask[i] ? 0.0 : i, buffer[i]);
            }
        }
        Assert.Throws<ArgumentException>(() => reader.ReadColumn<long>(0, 1, new long[1000], default));
    }

    [Fact]
    public void Writer_rejects_batches_that_do_not_match_the_schema_and_unsupported_codecs()
    {
        var schema = new ParquetSchema([new ParquetField("a", ParquetType.Int64)]);
        using var writer = new ParquetWriter(new MemoryStream(), schema);
        var ex = Assert.Throws<ArgumentException>(() => writer.WriteRowGroup(new ParquetTable(ParquetColumn.Double("a", [1.0]))));
        Assert.Contains("batch column 0", ex.Message);
        Assert.Throws<ArgumentException>(() => new ParquetWriter(new MemoryStream(), schema, new ParquetWriteOptions { Compression = ParquetCompression.Zstd }));
        Assert.Throws<ArgumentException>(() => ParquetColumn.String("s", ["a", null]));
        var lone = Assert.Throws<ArgumentException>(() => ParquetFile.Write(new MemoryStream(), new ParquetTable(ParquetColumn.String("s", ["ok", "bad \uD800"]))));
        Assert.Equal("column 's' holds a string that is not valid UTF-16 (a lone surrogate at index 4), which UTF-8 cannot store", lone.Message);
    }
}
