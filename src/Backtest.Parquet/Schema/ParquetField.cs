namespace Backtest.Parquet;

/// <summary>One flat column of a schema: name, type, whether it may hold nulls, and an optional logical annotation.</summary>
public sealed record ParquetField(string Name, ParquetType Type, bool Nullable = false, ParquetLogicalType? LogicalType = null)
{
    /// <summary>The lake's timestamp column: Int64 milliseconds since the epoch, UTC.</summary>
    public static ParquetField TimestampMillisUtc(string name, bool nullable = false) =>
        new(name, ParquetType.Int64, nullable, ParquetLogicalType.TimestampMillisUtc);

    /// <summary>Rejects combinations Parquet cannot express (a timestamp that is not Int64, an empty name).</summary>
    internal void Validate()
    {
        if (string.IsNullOrEmpty(Name)) throw new ArgumentException("a Parquet field needs a non-empty name");
        if (LogicalType is not null && Type != ParquetType.Int64)
            throw new ArgumentException($"field '{Name}': logical type {LogicalType} needs Int64, not {Type}");
    }
}
