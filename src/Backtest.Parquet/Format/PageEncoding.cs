namespace Backtest.Parquet.Format;

/// <summary>Value and level encodings as numbered in parquet.thrift.</summary>
internal enum PageEncoding
{
    Plain = 0,
    PlainDictionary = 2,
    Rle = 3,
    BitPacked = 4,
    DeltaBinaryPacked = 5,
    DeltaLengthByteArray = 6,
    DeltaByteArray = 7,
    RleDictionary = 8,
    ByteStreamSplit = 9,
}
