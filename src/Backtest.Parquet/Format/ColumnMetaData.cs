using Backtest.Parquet.Thrift;

namespace Backtest.Parquet.Format;

/// <summary>Thrift ColumnMetaData: where a column chunk's pages are, how they are compressed, and its statistics.</summary>
internal sealed class ColumnMetaData
{
    public PhysicalType Type;
    public List<int> Encodings = [];
    public List<string> PathInSchema = [];
    public int Codec;
    public long NumValues;
    public long TotalUncompressedSize;
    public long TotalCompressedSize;
    public long DataPageOffset;
    public long? DictionaryPageOffset;
    public Statistics? Statistics;

    public static ColumnMetaData Read(ref ThriftCompactReader r)
    {
        var m = new ColumnMetaData();
        var seen = 0;
        r.BeginStruct();
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1: r.Expect(t, ThriftType.I32, "ColumnMetaData.type"); m.Type = (PhysicalType)r.ReadI32(); seen |= 1; break;
                case 2:
                {
                    r.Expect(t, ThriftType.List, "ColumnMetaData.encodings");
                    var n = r.ReadListHeader(out var et);
                    if (et != ThriftType.I32) throw r.Corrupt("encodings list is not of i32");
                    for (var i = 0; i < n; i++) m.Encodings.Add(r.ReadI32());
                    seen |= 2;
                    break;
                }
                case 3:
                {
                    r.Expect(t, ThriftType.List, "ColumnMetaData.path_in_schema");
                    var n = r.ReadListHeader(out var et);
                    if (et != ThriftType.Binary) throw r.Corrupt("path_in_schema list is not of strings");
                    for (var i = 0; i < n; i++) m.PathInSchema.Add(r.ReadString());
                    seen |= 4;
                    break;
                }
                case 4: r.Expect(t, ThriftType.I32, "ColumnMetaData.codec"); m.Codec = r.ReadI32(); seen |= 8; break;
                case 5: r.Expect(t, ThriftType.I64, "ColumnMetaData.num_values"); m.NumValues = r.ReadI64(); seen |= 16; break;
                case 6: r.Expect(t, ThriftType.I64, "ColumnMetaData.total_uncompressed_size"); m.TotalUncompressedSize = r.ReadI64(); seen |= 32; break;
                case 7: r.Expect(t, ThriftType.I64, "ColumnMetaData.total_compressed_size"); m.TotalCompressedSize = r.ReadI64(); seen |= 64; break;
                case 9: r.Expect(t, ThriftType.I64, "ColumnMetaData.data_page_offset"); m.DataPageOffset = r.ReadI64(); seen |= 128; break;
                case 11: r.Expect(t, ThriftType.I64, "ColumnMetaData.dictionary_page_offset"); m.DictionaryPageOffset = r.ReadI64(); break;
                case 12: r.Expect(t, ThriftType.Struct, "ColumnMetaData.statistics"); m.Statistics = Statistics.Read(ref r); break;
                default: r.Skip(t); break;
            }
        }
        r.EndStruct();
        if (seen != 255) throw r.Corrupt("column metadata misses a required field");
        return m;
    }

    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        w.FieldI32(1, (int)Type);
        w.FieldListBegin(2, ThriftType.I32, Encodings.Count);
        foreach (var e in Encodings) w.ElementI32(e);
        w.FieldListBegin(3, ThriftType.Binary, PathInSchema.Count);
        foreach (var p in PathInSchema) w.WriteString(p);
        w.FieldI32(4, Codec);
        w.FieldI64(5, NumValues);
        w.FieldI64(6, TotalUncompressedSize);
        w.FieldI64(7, TotalCompressedSize);
        w.FieldI64(9, DataPageOffset);
        if (DictionaryPageOffset is { } d) w.FieldI64(11, d);
        if (Statistics is not null)
        {
            w.FieldStructHeader(12);
            Statistics.Write(w);
        }
        w.EndStruct();
    }
}
