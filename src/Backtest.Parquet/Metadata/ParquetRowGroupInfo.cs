namespace Backtest.Parquet;

/// <summary>One row group: its rows and its column chunks (in schema order).</summary>
public sealed record ParquetRowGroupInfo(long RowCount, IReadOnlyList<ParquetColumnChunkInfo> Columns)
{
    /// <summary>The chunk of the column called <paramref name="name"/>.</summary>
    public ParquetColumnChunkInfo Column(string name) =>
        Columns.FirstOrDefault(c => c.Name == name) ?? throw new KeyNotFoundException($"no column '{name}' in the row group");
}
