namespace Backtest.Parquet.Format;

/// <summary>The legacy type annotations we write beside logical types, for readers that predate them.</summary>
internal static class ConvertedType
{
    public const int Utf8 = 0;
    public const int TimestampMillis = 9;
    public const int TimestampMicros = 10;
}
