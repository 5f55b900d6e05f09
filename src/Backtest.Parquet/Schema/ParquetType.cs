namespace Backtest.Parquet;

/// <summary>The column types the lake uses; each maps to one Parquet physical type (String: UTF-8 BYTE_ARRAY).</summary>
public enum ParquetType
{
    Int32,
    Int64,
    Float,
    Double,
    Boolean,
    String,
}
