namespace Backtest.Parquet;

/// <summary>A file's footer in our terms: schema, rows, row groups with statistics, key/value metadata, writer.</summary>
public sealed record ParquetFileMetadata(
    ParquetSchema Schema,
    long RowCount,
    IReadOnlyList<ParquetRowGroupInfo> RowGroups,
    IReadOnlyDictionary<string, string> KeyValueMetadata,
    string? CreatedBy);
