namespace Backtest.Parquet.Encodings;

/// <summary>
/// Raised by the page decoders, which know what is wrong but not which file or column; the column reader
/// turns it into a <see cref="ParquetFormatException"/> naming both.
/// </summary>
internal sealed class PageDataException(string message) : Exception(message);
