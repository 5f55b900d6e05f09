namespace Backtest.Parquet;

/// <summary>
/// A column chunk's statistics as the file states them: min and max decoded to the column's CLR type
/// (long, int, double, float, bool or string; null when absent or not trustworthy) and the null count.
/// </summary>
public sealed record ParquetStatistics(object? Min, object? Max, long? NullCount);
