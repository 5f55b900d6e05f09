using Backtest.Parquet.Tests.Support;
using Backtest.Testing;

namespace Backtest.Parquet.Tests.Conformance;

/// <summary>
/// We read what DuckDB writes — each codec, dictionary on and off, format v1 and v2 (data page v2, delta
/// and byte-stream-split encodings), and its defaults — with the same values DuckDB reads back.
/// </summary>
public sealed class WeReadDuckDbFilesTests : IDisposable
{
    private const int Rows = 25_000;

    /// <summary>A table with every type we read, nulls, NaN/±Inf, -0, empty and non-ASCII strings, low and high cardinality.</summary>
    private static readonly string Source = $"""
        SELECT
          i::INTEGER AS i32,
          CASE WHEN i = 0 THEN -9223372036854775808 WHEN i = 1 THEN 9223372036854775807 ELSE (i * 1000003)::BIGINT * (CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END) END AS i64,
          (i % 50)::BIGINT AS small_i64,
          CASE WHEN i % 13 = 0 THEN NULL ELSE i % 1000 END::INTEGER AS i32_null,
          CASE WHEN i = 2 THEN 'nan'::DOUBLE WHEN i = 3 THEN 'inf'::DOUBLE WHEN i = 4 THEN '-inf'::DOUBLE WHEN i = 5 THEN -0.0::DOUBLE ELSE (i % 100)::DOUBLE / 3 END AS f64,
          CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 0.25)::DOUBLE END AS f64_null,
          (i % 13)::FLOAT / 7 AS f32,
          i % 3 = 0 AS flag,
          CASE WHEN i % 5 = 0 THEN NULL ELSE i % 4 = 1 END AS flag_null,
          'sym_' || (i % 17) AS sym,
          CASE WHEN i % 11 = 0 THEN NULL ELSE md5(i::VARCHAR) END AS hash,
          CASE WHEN i % 9 = 0 THEN '' ELSE '日本 🚀 ' || (i // 3) END AS uni,
          TIMESTAMP '2024-01-01' + INTERVAL (i * 5) MINUTE AS ts_local,
          TIMESTAMPTZ '2024-01-01 00:00:00+00' + INTERVAL (i * 5) MINUTE AS ts_utc
        FROM range({Rows}) t(i)
        """;

    /// <summary>How DuckDB prints each column so that our values compare exactly (timestamps as epoch microseconds).</summary>
    private const string Readback = "SELECT * EXCLUDE (ts_local, ts_utc), epoch_us(ts_local) AS ts_local, epoch_us(ts_utc) AS ts_utc";

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Settings() =>
    [
        "COMPRESSION uncompressed",
        "COMPRESSION snappy",
        "COMPRESSION gzip",
        "COMPRESSION uncompressed, DICTIONARY_SIZE_LIMIT 0",
        "COMPRESSION snappy, DICTIONARY_SIZE_LIMIT 0",
        "COMPRESSION gzip, DICTIONARY_SIZE_LIMIT 0",
        "COMPRESSION uncompressed, PARQUET_VERSION V2",
        "COMPRESSION snappy, PARQUET_VERSION V2",
        "COMPRESSION gzip, PARQUET_VERSION V2",
        "COMPRESSION snappy, PARQUET_VERSION V2, DICTIONARY_SIZE_LIMIT 0",
        "COMPRESSION snappy, ROW_GROUP_SIZE 4096",
        "",
    ];

    [ReferenceTheory(ReferenceTools.DuckDb)]
    [MemberData(nameof(Settings))]
    public void We_read_what_DuckDb_writes(string settings)
    {
        var path = _dir.File("duck.parquet");
        var options = settings.Length == 0 ? "FORMAT parquet" : "FORMAT parquet, " + settings;
        var duck = DuckDb.Query($"COPY ({Source}) TO {DuckDb.Literal(path)} ({options}); {Readback} FROM read_parquet({DuckDb.Literal(path)})");

        var ours = ParquetFile.Read(path);
        Assert.Equal(Rows, ours.RowCount);
        foreach (var name in duck.Columns) ColumnAssert.SameAsDuck(ours[name], duck.Column(name), $"DuckDB '{settings}'");
        Assert.Equal(ParquetLogicalType.TimestampMicrosLocal, ours.Schema["ts_local"].LogicalType);
        Assert.Equal(ParquetLogicalType.TimestampMicrosUtc, ours.Schema["ts_utc"].LogicalType);
        Assert.True(ours.Schema["hash"].Nullable);
    }

    [ReferenceFact(ReferenceTools.DuckDb)]
    public void DuckDb_v2_files_really_use_the_v2_pages_and_encodings_we_claim_to_read()
    {
        var path = _dir.File("v2.parquet");
        DuckDb.Query($"COPY ({Source}) TO {DuckDb.Literal(path)} (FORMAT parquet, PARQUET_VERSION V2, DICTIONARY_SIZE_LIMIT 0)");
        var encodings = ParquetFile.ReadMetadata(path).RowGroups.SelectMany(g => g.Columns).SelectMany(c => c.Encodings).ToHashSet();
        // Guards the test above: if DuckDB stopped emitting these, we would no longer be testing them.
        Assert.Contains("DELTA_BINARY_PACKED", encodings);
        Assert.Contains("BYTE_STREAM_SPLIT", encodings);
        Assert.True(encodings.Contains("DELTA_LENGTH_BYTE_ARRAY") || encodings.Contains("DELTA_BYTE_ARRAY"), string.Join(",", encodings));
    }

    [ReferenceFact(ReferenceTools.DuckDb)]
    public void Statistics_and_ts_range_skipping_work_on_DuckDb_files()
    {
        var path = _dir.File("ranges.parquet");
        DuckDb.Query($"COPY (SELECT (1700000000000 + i * 60000)::BIGINT AS ts, i::DOUBLE AS x FROM range(50000) t(i)) TO {DuckDb.Literal(path)} (FORMAT parquet, ROW_GROUP_SIZE 10000)");
        using var reader = new ParquetReader(path);
        Assert.Equal(5, reader.RowGroupCount);
        var from = 1_700_000_000_000L + 12_000L * 60_000;
        var to = 1_700_000_000_000L + 21_000L * 60_000;
        Assert.Equal([1, 2], reader.RowGroupsOverlapping(from, to));
        var table = ParquetFile.Read(reader, ["x"], (from, to));
        Assert.Equal(Enumerable.Range(12_000, 9_000).Select(i => (double)i), table["x"].Doubles());
    }

    [ReferenceFact(ReferenceTools.DuckDb)]
    public void Zstd_gives_the_clean_unsupported_codec_error_with_how_to_re_export()
    {
        var path = _dir.File("zstd.parquet");
        DuckDb.Query($"COPY (SELECT range AS x FROM range(100)) TO {DuckDb.Literal(path)} (FORMAT parquet, COMPRESSION zstd)");
        var meta = ParquetFile.ReadMetadata(path);
        Assert.Equal(ParquetCompression.Zstd, meta.RowGroups[0].Columns[0].Compression);
        var ex = Assert.Throws<ParquetFormatException>(() => ParquetFile.Read(path));
        Assert.Equal(path, ex.File);
        Assert.Equal(
            "column 'x' is compressed with ZSTD, which this reader does not support (it reads UNCOMPRESSED, SNAPPY and GZIP); "
            + "re-export the file with one of those, e.g. in DuckDB: COPY (SELECT * FROM 'in.parquet') TO 'out.parquet' (FORMAT parquet, COMPRESSION snappy)",
            ex.Problem);
    }

    [ReferenceFact(ReferenceTools.DuckDb)]
    public void Nested_schemas_are_refused_by_name()
    {
        var path = _dir.File("nested.parquet");
        DuckDb.Query($"COPY (SELECT range AS x, {{'a': range, 'b': 'x'}} AS s, [range, 1] AS l FROM range(10)) TO {DuckDb.Literal(path)} (FORMAT parquet)");
        var ex = Assert.Throws<ParquetFormatException>(() => ParquetFile.ReadMetadata(path));
        Assert.Equal("column 's' is a nested group; only flat schemas of primitive columns are supported", ex.Problem);
    }

    [ReferenceFact(ReferenceTools.DuckDb)]
    public void Key_value_metadata_written_by_DuckDb_is_read()
    {
        var path = _dir.File("kv.parquet");
        DuckDb.Query($"COPY (SELECT 1 AS x) TO {DuckDb.Literal(path)} (FORMAT parquet, KV_METADATA {{source: 'duck', note: 'é'}})");
        var meta = ParquetFile.ReadMetadata(path);
        Assert.Equal("duck", meta.KeyValueMetadata["source"]);
        Assert.Equal("é", meta.KeyValueMetadata["note"]);
        Assert.StartsWith("DuckDB", meta.CreatedBy);
    }
}
