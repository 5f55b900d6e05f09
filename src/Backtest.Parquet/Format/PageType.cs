namespace Backtest.Parquet.Format;

/// <summary>Page kinds as numbered in parquet.thrift.</summary>
internal enum PageType
{
    DataPage = 0,
    IndexPage = 1,
    DictionaryPage = 2,
    DataPageV2 = 3,
}
