using Backtest.Parquet.Thrift;

namespace Backtest.Parquet.Format;

/// <summary>Thrift KeyValue: one entry of file or column key/value metadata.</summary>
internal sealed class KeyValue
{
    public string Key = "";
    public string? Value;

    public static KeyValue Read(ref ThriftCompactReader r)
    {
        var kv = new KeyValue();
        var hasKey = false;
        r.BeginStruct();
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1: r.Expect(t, ThriftType.Binary, "KeyValue.key"); kv.Key = r.ReadString(); hasKey = true; break;
                case 2: r.Expect(t, ThriftType.Binary, "KeyValue.value"); kv.Value = r.ReadString(); break;
                default: r.Skip(t); break;
            }
        }
        r.EndStruct();
        if (!hasKey) throw r.Corrupt("KeyValue without a key");
        return kv;
    }

    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        w.FieldString(1, Key);
        if (Value is not null) w.FieldString(2, Value);
        w.EndStruct();
    }
}
