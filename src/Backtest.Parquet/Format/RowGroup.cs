using Backtest.Parquet.Thrift;

namespace Backtest.Parquet.Format;

/// <summary>Thrift RowGroup: a horizontal slice of the table with one chunk per column.</summary>
internal sealed class RowGroup
{
    public List<ColumnChunk> Columns = [];
    public long TotalByteSize;
    public long NumRows;
    public long? FileOffset;
    public long? TotalCompressedSize;

    public static RowGroup Read(ref ThriftCompactReader r)
    {
        var g = new RowGroup();
        var seen = 0;
        r.BeginStruct();
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1:
                {
                    r.Expect(t, ThriftType.List, "RowGroup.columns");
                    var n = r.ReadListHeader(out var et);
                    if (et != ThriftType.Struct) throw r.Corrupt("row group columns list is not of structs");
                    for (var i = 0; i < n; i++) g.Columns.Add(ColumnChunk.Read(ref r));
                    seen |= 1;
                    break;
                }
                case 2: r.Expect(t, ThriftType.I64, "RowGroup.total_byte_size"); g.TotalByteSize = r.ReadI64(); break;
                case 3: r.Expect(t, ThriftType.I64, "RowGroup.num_rows"); g.NumRows = r.ReadI64(); seen |= 2; break;
                case 5: r.Expect(t, ThriftType.I64, "RowGroup.file_offset"); g.FileOffset = r.ReadI64(); break;
                case 6: r.Expect(t, ThriftType.I64, "RowGroup.total_compressed_size"); g.TotalCompressedSize = r.ReadI64(); break;
                default: r.Skip(t); break;
            }
        }
        r.EndStruct();
        if (seen != 3) throw r.Corrupt("row group misses its columns or row count");
        return g;
    }

    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        w.FieldListBegin(1, ThriftType.Struct, Columns.Count);
        foreach (var c in Columns) c.Write(w);
        w.FieldI64(2, TotalByteSize);
        w.FieldI64(3, NumRows);
        if (FileOffset is { } fo) w.FieldI64(5, fo);
        if (TotalCompressedSize is { } tc) w.FieldI64(6, tc);
        w.EndStruct();
    }
}
