namespace Backtest.Parquet;

/// <summary>How a table is laid out in the file. The defaults suit the lake: Snappy, 1M-row groups, string dictionaries.</summary>
public sealed record ParquetWriteOptions
{
    /// <summary>Uncompressed, Snappy or Gzip.</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>Rows per row group (the last may be shorter); the unit of ts-range skipping and streaming.</summary>
    public int RowGroupSize { get; init; } = 1 << 20;

    /// <summary>Dictionary-encode string columns (one dictionary page per row group and column).</summary>
    public bool DictionaryForStrings { get; init; } = true;

    /// <summary>File key/value metadata, written sorted by key so equal tables give equal bytes.</summary>
    public IReadOnlyDictionary<string, string> KeyValueMetadata { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Write DATA_PAGE_V2 pages instead of v1. Internal: the lake writes v1 (read everywhere); tests use v2 to
    /// prove our v2 reader against DuckDB, whose own writer emits v1 pages even with PARQUET_VERSION V2.
    /// </summary>
    internal bool DataPageV2 { get; init; }

    internal void Validate()
    {
        if (Compression is not (ParquetCompression.Uncompressed or ParquetCompression.Snappy or ParquetCompression.Gzip))
            throw new ArgumentException($"cannot write {Compression}: the writer supports Uncompressed, Snappy and Gzip");
        if (RowGroupSize < 1) throw new ArgumentException($"RowGroupSize must be at least 1, not {RowGroupSize}");
        ArgumentNullException.ThrowIfNull(KeyValueMetadata);
    }
}
