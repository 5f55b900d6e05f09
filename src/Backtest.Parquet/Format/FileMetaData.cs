using Backtest.Parquet.Thrift;

namespace Backtest.Parquet.Format;

/// <summary>Thrift FileMetaData: the footer describing schema, row groups and key/value metadata.</summary>
internal sealed class FileMetaData
{
    public int Version;
    public List<SchemaElement> Schema = [];
    public long NumRows;
    public List<RowGroup> RowGroups = [];
    public List<KeyValue> KeyValueMetadata = [];
    public string? CreatedBy;

    public static FileMetaData Read(ref ThriftCompactReader r)
    {
        var f = new FileMetaData();
        var seen = 0;
        r.BeginStruct();
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1: r.Expect(t, ThriftType.I32, "FileMetaData.version"); f.Version = r.ReadI32(); break;
                case 2:
                {
                    r.Expect(t, ThriftType.List, "FileMetaData.schema");
                    var n = r.ReadListHeader(out var et);
                    if (et != ThriftType.Struct) throw r.Corrupt("schema list is not of structs");
                    for (var i = 0; i < n; i++) f.Schema.Add(SchemaElement.Read(ref r));
                    seen |= 1;
                    break;
                }
                case 3: r.Expect(t, ThriftType.I64, "FileMetaData.num_rows"); f.NumRows = r.ReadI64(); seen |= 2; break;
                case 4:
                {
                    r.Expect(t, ThriftType.List, "FileMetaData.row_groups");
                    var n = r.ReadListHeader(out var et);
                    if (et != ThriftType.Struct) throw r.Corrupt("row group list is not of structs");
                    for (var i = 0; i < n; i++) f.RowGroups.Add(RowGroup.Read(ref r));
                    seen |= 4;
                    break;
                }
                case 5:
                {
                    r.Expect(t, ThriftType.List, "FileMetaData.key_value_metadata");
                    var n = r.ReadListHeader(out var et);
                    if (et != ThriftType.Struct) throw r.Corrupt("key/value metadata list is not of structs");
                    for (var i = 0; i < n; i++) f.KeyValueMetadata.Add(KeyValue.Read(ref r));
                    break;
                }
                case 6: r.Expect(t, ThriftType.Binary, "FileMetaData.created_by"); f.CreatedBy = r.ReadString(); break;
                default: r.Skip(t); break;
            }
        }
        r.EndStruct();
        if (seen != 7) throw r.Corrupt("footer misses its schema, row count or row groups");
        return f;
    }

    /// <summary>Writes the footer; <paramref name="schemaWriter"/> writes the schema elements (they carry logical types).</summary>
    public void Write(ThriftCompactWriter w, int leafColumns, Action<ThriftCompactWriter> schemaWriter)
    {
        w.BeginStruct();
        w.FieldI32(1, Version);
        schemaWriter(w);
        w.FieldI64(3, NumRows);
        w.FieldListBegin(4, ThriftType.Struct, RowGroups.Count);
        foreach (var g in RowGroups) g.Write(w);
        if (KeyValueMetadata.Count > 0)
        {
            w.FieldListBegin(5, ThriftType.Struct, KeyValueMetadata.Count);
            foreach (var kv in KeyValueMetadata) kv.Write(w);
        }
        if (CreatedBy is not null) w.FieldString(6, CreatedBy);
        // One TypeDefinedOrder per leaf: without it min_value/max_value have no defined meaning.
        w.FieldListBegin(7, ThriftType.Struct, leafColumns);
        for (var i = 0; i < leafColumns; i++)
        {
            w.BeginStruct();
            w.FieldStructBegin(1);
            w.EndStruct();
            w.EndStruct();
        }
        w.EndStruct();
    }
}
