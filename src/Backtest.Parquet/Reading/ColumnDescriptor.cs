using Backtest.Parquet.Format;

namespace Backtest.Parquet.Reading;

/// <summary>A leaf column as the reader needs it: our field plus the physical type the pages use.</summary>
internal sealed record ColumnDescriptor(int Index, ParquetField Field, PhysicalType Physical);
