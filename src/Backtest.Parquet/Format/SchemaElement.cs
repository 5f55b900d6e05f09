using Backtest.Parquet.Thrift;

namespace Backtest.Parquet.Format;

/// <summary>Thrift SchemaElement: one node of the depth-first flattened schema tree.</summary>
internal sealed class SchemaElement
{
    public PhysicalType? Type;
    public int? TypeLength;
    /// <summary>0 REQUIRED, 1 OPTIONAL, 2 REPEATED.</summary>
    public int? Repetition;
    public string Name = "";
    public int? NumChildren;
    public int? ConvertedType;
    public LogicalTypeAnnotation? LogicalType;

    public static SchemaElement Read(ref ThriftCompactReader r)
    {
        var e = new SchemaElement();
        var hasName = false;
        r.BeginStruct();
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1: r.Expect(t, ThriftType.I32, "SchemaElement.type"); e.Type = (PhysicalType)r.ReadI32(); break;
                case 2: r.Expect(t, ThriftType.I32, "SchemaElement.type_length"); e.TypeLength = r.ReadI32(); break;
                case 3: r.Expect(t, ThriftType.I32, "SchemaElement.repetition_type"); e.Repetition = r.ReadI32(); break;
                case 4: r.Expect(t, ThriftType.Binary, "SchemaElement.name"); e.Name = r.ReadString(); hasName = true; break;
                case 5: r.Expect(t, ThriftType.I32, "SchemaElement.num_children"); e.NumChildren = r.ReadI32(); break;
                case 6: r.Expect(t, ThriftType.I32, "SchemaElement.converted_type"); e.ConvertedType = r.ReadI32(); break;
                case 10: r.Expect(t, ThriftType.Struct, "SchemaElement.logicalType"); e.LogicalType = LogicalTypeAnnotation.Read(ref r); break;
                default: r.Skip(t); break;
            }
        }
        r.EndStruct();
        if (!hasName) throw r.Corrupt("schema element without a name");
        return e;
    }
}
