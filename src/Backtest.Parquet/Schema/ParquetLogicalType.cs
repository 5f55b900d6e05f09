namespace Backtest.Parquet;

/// <summary>
/// Logical annotations of an Int64 column that change what its numbers mean. We write only
/// <see cref="TimestampMillisUtc"/> (the lake's <c>ts</c>); the others are recognised in files other tools wrote.
/// </summary>
public enum ParquetLogicalType
{
    /// <summary>TIMESTAMP(MILLIS, isAdjustedToUTC=true): milliseconds since the Unix epoch, UTC.</summary>
    TimestampMillisUtc,
    /// <summary>TIMESTAMP(MILLIS, isAdjustedToUTC=false).</summary>
    TimestampMillisLocal,
    /// <summary>TIMESTAMP(MICROS, isAdjustedToUTC=true), e.g. DuckDB's TIMESTAMPTZ.</summary>
    TimestampMicrosUtc,
    /// <summary>TIMESTAMP(MICROS, isAdjustedToUTC=false), e.g. DuckDB's TIMESTAMP.</summary>
    TimestampMicrosLocal,
    /// <summary>TIMESTAMP(NANOS, isAdjustedToUTC=true).</summary>
    TimestampNanosUtc,
    /// <summary>TIMESTAMP(NANOS, isAdjustedToUTC=false).</summary>
    TimestampNanosLocal,
}
