namespace Backtest.Parquet;

/// <summary>What the footer says about one column in one row group: codec, sizes, encodings and statistics.</summary>
public sealed record ParquetColumnChunkInfo(
    string Name,
    ParquetCompression Compression,
    IReadOnlyList<string> Encodings,
    long ValueCount,
    long CompressedSize,
    long UncompressedSize,
    ParquetStatistics? Statistics);
