using Backtest.Parquet.Thrift;

namespace Backtest.Parquet.Format;

/// <summary>Thrift ColumnChunk: one column's data within a row group (always in this file for us).</summary>
internal sealed class ColumnChunk
{
    public string? FilePath;
    public long FileOffset;
    public ColumnMetaData? MetaData;

    public static ColumnChunk Read(ref ThriftCompactReader r)
    {
        var c = new ColumnChunk();
        r.BeginStruct();
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1: r.Expect(t, ThriftType.Binary, "ColumnChunk.file_path"); c.FilePath = r.ReadString(); break;
                case 2: r.Expect(t, ThriftType.I64, "ColumnChunk.file_offset"); c.FileOffset = r.ReadI64(); break;
                case 3: r.Expect(t, ThriftType.Struct, "ColumnChunk.meta_data"); c.MetaData = ColumnMetaData.Read(ref r); break;
                default: r.Skip(t); break;
            }
        }
        r.EndStruct();
        return c;
    }

    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        w.FieldI64(2, FileOffset);
        if (MetaData is not null)
        {
            w.FieldStructHeader(3);
            MetaData.Write(w);
        }
        w.EndStruct();
    }
}
