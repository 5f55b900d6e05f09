namespace Backtest.Parquet.Tests.Support;

/// <summary>Looks inside a file with the codec's own thrift structures, to check which page kinds a writer really emitted.</summary>
public static class PageProbe
{
    /// <summary>The type of the first data page of a column in row group 0, parsed with our thrift reader.</summary>
    internal static Backtest.Parquet.Format.PageType FirstDataPageType(string path, int column)
    {
        var bytes = File.ReadAllBytes(path);
        var tail = bytes.AsSpan(bytes.Length - 8);
        var footerLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(tail);
        var footer = new Backtest.Parquet.Thrift.ThriftCompactReader(bytes.AsSpan(bytes.Length - 8 - footerLength, footerLength), path, "footer");
        var meta = Backtest.Parquet.Format.FileMetaData.Read(ref footer);
        var offset = (int)meta.RowGroups[0].Columns[column].MetaData!.DataPageOffset;
        var page = new Backtest.Parquet.Thrift.ThriftCompactReader(bytes.AsSpan(offset), path, "page");
        return Backtest.Parquet.Format.PageHeader.Read(ref page).Type;
    }
}
