using System.Globalization;
using Backtest.Parquet.Tests.Support;
using Backtest.Testing;

namespace Backtest.Parquet.Tests.Conformance;

/// <summary>DuckDB, an independent implementation, reads every file we write with identical values and sees our statistics and metadata.</summary>
public sealed class DuckDbReadsOurFilesTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<ParquetCompression, bool> Codecs()
    {
        var data = new TheoryData<ParquetCompression, bool>();
        foreach (var c in new[] { ParquetCompression.Uncompressed, ParquetCompression.Snappy, ParquetCompression.Gzip })
        foreach (var dict in new[] { false, true })
            data.Add(c, dict);
        return data;
    }

    [ReferenceTheory(ReferenceTools.DuckDb)]
    [MemberData(nameof(Codecs))]
    public void DuckDb_reads_identical_values(ParquetCompression compression, bool dictionary)
    {
        var table = TestTables.EdgeCases(3000);
        var path = _dir.File($"ours-{compression}-{dictionary}.parquet");
        ParquetFile.Write(path, table, new ParquetWriteOptions { Compression = compression, DictionaryForStrings = dictionary, RowGroupSize = 1000 });

        var duck = DuckDb.Query($"SELECT epoch_ms(ts) AS ts, * EXCLUDE (ts) FROM read_parquet({DuckDb.Literal(path)})");
        Assert.Equal(table.RowCount, duck.Rows.Length);
        foreach (var column in table.Columns) ColumnAssert.SameAsDuck(column, duck.Column(column.Name), $"DuckDB reading our {compression}/dict={dictionary}");
    }

    /// <summary>
    /// DuckDB's writer emits only v1 pages, so v2 pages are proven this way: DuckDB decodes our v2 pages to
    /// the values we wrote, and our reader decodes the same file to the same values.
    /// </summary>
    [ReferenceTheory(ReferenceTools.DuckDb)]
    [MemberData(nameof(Codecs))]
    public void DuckDb_reads_our_data_page_v2_files_and_so_do_we(ParquetCompression compression, bool dictionary)
    {
        var table = TestTables.EdgeCases(3000, seed: 5);
        var path = _dir.File($"v2-{compression}-{dictionary}.parquet");
        ParquetFile.Write(path, table, new ParquetWriteOptions { Compression = compression, DictionaryForStrings = dictionary, RowGroupSize = 1000, DataPageV2 = true });
        Assert.Equal(Backtest.Parquet.Format.PageType.DataPageV2, PageProbe.FirstDataPageType(path, column: 0));
        Assert.Equal(Backtest.Parquet.Format.PageType.DataPageV2, PageProbe.FirstDataPageType(path, column: table.Schema.IndexOf("f64_null")));

        var duck = DuckDb.Query($"SELECT epoch_ms(ts) AS ts, * EXCLUDE (ts) FROM read_parquet({DuckDb.Literal(path)})");
        foreach (var column in table.Columns) ColumnAssert.SameAsDuck(column, duck.Column(column.Name), $"DuckDB reading our v2 {compression}/dict={dictionary}");
        ColumnAssert.Equal(table, ParquetFile.Read(path), $"our reader on our v2 {compression}/dict={dictionary}");
    }

    [ReferenceFact(ReferenceTools.DuckDb)]
    public void DuckDb_sees_the_types_we_declare()
    {
        var path = _dir.File("types.parquet");
        ParquetFile.Write(path, TestTables.EdgeCases(10));
        var duck = DuckDb.Query($"DESCRIBE SELECT * FROM read_parquet({DuckDb.Literal(path)})");
        var types = duck.Rows.ToDictionary(r => r[0]!, r => r[1]!);
        Assert.Equal("TIMESTAMP WITH TIME ZONE", types["ts"]);
        Assert.Equal("BIGINT", types["i64"]);
        Assert.Equal("INTEGER", types["i32"]);
        Assert.Equal("DOUBLE", types["f64"]);
        Assert.Equal("FLOAT", types["f32"]);
        Assert.Equal("BOOLEAN", types["flag"]);
        Assert.Equal("VARCHAR", types["name"]);
        // TIMESTAMP(MILLIS, UTC): DuckDB must see the same instant we wrote.
        var instant = DuckDb.Query($"SELECT strftime(ts AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') FROM read_parquet({DuckDb.Literal(path)}) LIMIT 1");
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000L).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), instant.Rows[0][0]);
    }

    [ReferenceFact(ReferenceTools.DuckDb)]
    public void DuckDb_reads_a_zero_row_file_with_its_schema()
    {
        var path = _dir.File("empty.parquet");
        ParquetFile.Write(path, TestTables.EdgeCases(0));
        var duck = DuckDb.Query($"SELECT count(*) AS n, count(DISTINCT 1) AS d FROM read_parquet({DuckDb.Literal(path)})");
        Assert.Equal("0", duck.Rows[0][0]);
        var columns = DuckDb.Query($"DESCRIBE SELECT * FROM read_parquet({DuckDb.Literal(path)})");
        Assert.Equal(TestTables.EdgeCases(0).Columns.Select(c => c.Name), columns.Column("column_name"));
    }

    [ReferenceFact(ReferenceTools.DuckDb)]
    public void DuckDb_reads_many_row_groups_in_order()
    {
        var table = TestTables.EdgeCases(1400, seed: 3);
        var path = _dir.File("many.parquet");
        ParquetFile.Write(path, table, new ParquetWriteOptions { RowGroupSize = 7 });
        var groups = DuckDb.Query($"SELECT count(DISTINCT row_group_id) FROM parquet_metadata({DuckDb.Literal(path)})");
        Assert.Equal("200", groups.Rows[0][0]);
        var duck = DuckDb.Query($"SELECT epoch_ms(ts) AS ts, * EXCLUDE (ts) FROM read_parquet({DuckDb.Literal(path)})");
        foreach (var column in table.Columns) ColumnAssert.SameAsDuck(column, duck.Column(column.Name), "200 row groups");
    }

    [ReferenceFact(ReferenceTools.DuckDb)]
    public void DuckDb_sees_our_statistics_key_values_and_writer()
    {
        var table = TestTables.EdgeCases(2000, seed: 11);
        var path = _dir.File("stats.parquet");
        ParquetFile.Write(path, table, new ParquetWriteOptions
        {
            RowGroupSize = 500,
            KeyValueMetadata = new Dictionary<string, string> { ["action_key"] = "k-123", ["rows"] = "2000", ["unicode"] = "日本 🚀" },
        });
        var ours = ParquetFile.ReadMetadata(path);
        var duck = DuckDb.Query(
            "SELECT row_group_id, path_in_schema, stats_min_value, stats_max_value, stats_null_count, num_values " +
            $"FROM parquet_metadata({DuckDb.Literal(path)}) ORDER BY row_group_id, column_id");
        Assert.Equal(4 * table.Columns.Count, duck.Rows.Length);
        foreach (var row in duck.Rows)
        {
            var g = int.Parse(row[0]!, CultureInfo.InvariantCulture);
            var name = row[1]!;
            var column = table[name];
            var rows = Enumerable.Range(g * 500, 500).ToArray();
            var expected = ExpectedStats(column, rows);
            Assert.True(expected.Nulls.ToString(CultureInfo.InvariantCulture) == row[4], $"{name} group {g}: null count {row[4]}, expected {expected.Nulls}");
            Assert.Equal("500", row[5]);
            if (expected.Min is null)
            {
                Assert.Null(row[2]);
                continue;
            }
            // DuckDB neither writes nor shows infinite float bounds (it treats them as unknown), so an
            // infinite expected bound may appear as NULL; every finite bound must appear exactly.
            if (row[2] is null && IsInfinite(expected.Min)) row[2] = "skip";
            if (row[3] is null && IsInfinite(expected.Max)) row[3] = "skip";
            Assert.True(row[2] is not null && row[3] is not null, $"{name} group {g}: DuckDB sees no min/max ({row[2]}, {row[3]}), expected {expected.Min}..{expected.Max}");
            if (column.Field.LogicalType == ParquetLogicalType.TimestampMillisUtc)
            {
                // DuckDB prints TIMESTAMP WITH TIME ZONE statistics as UTC text.
                Assert.Equal(UtcText((long)expected.Min), row[2]);
                Assert.Equal(UtcText((long)expected.Max!), row[3]);
                continue;
            }
            Assert.True(SameStat(column.Field.Type, expected.Min, row[2]!), $"{name} group {g}: DuckDB min {row[2]}, expected {expected.Min}");
            Assert.True(SameStat(column.Field.Type, expected.Max!, row[3]!), $"{name} group {g}: DuckDB max {row[3]}, expected {expected.Max}");
            Assert.Equal(expected.Nulls, ours.RowGroups[g].Column(name).Statistics!.NullCount);
        }

        var kv = DuckDb.Query($"SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata({DuckDb.Literal(path)}) ORDER BY k");
        Assert.Equal(new string?[] { "action_key", "rows", "unicode" }, kv.Column("k"));
        Assert.Equal(new string?[] { "k-123", "2000", "日本 🚀" }, kv.Column("v"));
        var file = DuckDb.Query($"SELECT created_by, num_rows, num_row_groups FROM parquet_file_metadata({DuckDb.Literal(path)})");
        Assert.Equal(new string?[] { "backtest-parquet version 1.0", "2000", "4" }, file.Rows[0]);
    }

    [ReferenceFact(ReferenceTools.DuckDb)]
    public void DuckDb_filtering_on_ts_agrees_with_our_ts_range_read()
    {
        var n = 10_000;
        var ts = Enumerable.Range(0, n).Select(i => 1_600_000_000_000L + i * 60_000L).ToArray();
        var x = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        var path = _dir.File("prune.parquet");
        ParquetFile.Write(path, new ParquetTable(ParquetColumn.TimestampMillisUtc("ts", ts), ParquetColumn.Double("x", x)),
            new ParquetWriteOptions { RowGroupSize = 1000 });
        // The range is half-open on both sides: from inclusive, to exclusive, as ParquetFile.Read documents.
        var from = ts[2500];
        var to = ts[3500];
        var q = DuckDb.Query($"SELECT count(*), sum(x) FROM read_parquet({DuckDb.Literal(path)}) WHERE ts >= make_timestamptz({from}::BIGINT * 1000) AND ts < make_timestamptz({to}::BIGINT * 1000)");
        Assert.Equal("1000", q.Rows[0][0]);
        var ours = ParquetFile.Read(path, ["x"], (from, to));
        Assert.Equal(double.Parse(q.Rows[0][1]!, CultureInfo.InvariantCulture), ours["x"].Doubles().Sum());
    }

    private static string UtcText(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString(ms % 1000 == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+00";

    private static (object? Min, object? Max, long Nulls) ExpectedStats(ParquetColumn column, int[] rows)
    {
        var present = rows.Where(r => !column.IsNull(r)).ToArray();
        long nulls = rows.Length - present.Length;
        switch (column.Field.Type)
        {
            case ParquetType.Double:
            {
                var v = present.Select(r => column.Doubles()[r]).Where(d => !double.IsNaN(d)).ToArray();
                return v.Length == 0 ? (null, null, nulls) : (v.Min(), v.Max(), nulls);
            }
            case ParquetType.Float:
            {
                var v = present.Select(r => column.Floats()[r]).Where(d => !float.IsNaN(d)).ToArray();
                return v.Length == 0 ? (null, null, nulls) : (v.Min(), v.Max(), nulls);
            }
            case ParquetType.Int64:
            {
                var v = present.Select(r => column.Int64s()[r]).ToArray();
                return v.Length == 0 ? (null, null, nulls) : (v.Min(), v.Max(), nulls);
            }
            case ParquetType.Int32:
            {
                var v = present.Select(r => column.Int32s()[r]).ToArray();
                return v.Length == 0 ? (null, null, nulls) : (v.Min(), v.Max(), nulls);
            }
            case ParquetType.Boolean:
            {
                var v = present.Select(r => column.Booleans()[r]).ToArray();
                return v.Length == 0 ? (null, null, nulls) : (v.Min(), v.Max(), nulls);
            }
            default:
            {
                // UTF-8 byte order, computed independently of the codec by encoding and comparing bytes.
                var v = present.Select(r => column.Strings()[r]!).ToArray();
                if (v.Length == 0) return (null, null, nulls);
                var sorted = v.OrderBy(s => System.Text.Encoding.UTF8.GetBytes(s), ByteOrder.Instance).ToArray();
                return (sorted[0], sorted[^1], nulls);
            }
        }
    }

    private static bool IsInfinite(object? bound) => bound is double d && double.IsInfinity(d) || bound is float f && float.IsInfinity(f);

    private static bool SameStat(ParquetType type, object expected, string duck) => duck == "skip" || type switch
    {
        ParquetType.Double => (double)expected == TestTables.ParseJsNumber(duck) || ((double)expected == 0 && TestTables.ParseJsNumber(duck) == 0),
        ParquetType.Float => (float)expected == (float)double.Parse(duck, CultureInfo.InvariantCulture),
        ParquetType.Int64 => (long)expected == long.Parse(duck, CultureInfo.InvariantCulture),
        ParquetType.Int32 => (int)expected == int.Parse(duck, CultureInfo.InvariantCulture),
        ParquetType.Boolean => (bool)expected == (duck == "true"),
        _ => (string)expected == duck,
    };

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
