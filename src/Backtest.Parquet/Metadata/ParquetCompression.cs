namespace Backtest.Parquet;

/// <summary>
/// Parquet compression codecs, numbered as in parquet.thrift. We write and read Uncompressed, Snappy and
/// Gzip; the others are named so that metadata can report them and reading can say how to re-export.
/// </summary>
public enum ParquetCompression
{
    Uncompressed = 0,
    Snappy = 1,
    Gzip = 2,
    Lzo = 3,
    Brotli = 4,
    Lz4 = 5,
    Zstd = 6,
    Lz4Raw = 7,
}
