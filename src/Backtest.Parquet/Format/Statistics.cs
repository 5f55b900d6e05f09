using Backtest.Parquet.Thrift;

namespace Backtest.Parquet.Format;

/// <summary>Thrift Statistics: plain-encoded min/max and counts of a column chunk or page.</summary>
internal sealed class Statistics
{
    public byte[]? Max;
    public byte[]? Min;
    public long? NullCount;
    public byte[]? MaxValue;
    public byte[]? MinValue;

    public static Statistics Read(ref ThriftCompactReader r)
    {
        var s = new Statistics();
        r.BeginStruct();
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            switch (id)
            {
                case 1: r.Expect(t, ThriftType.Binary, "Statistics.max"); s.Max = r.ReadBinary().ToArray(); break;
                case 2: r.Expect(t, ThriftType.Binary, "Statistics.min"); s.Min = r.ReadBinary().ToArray(); break;
                case 3: r.Expect(t, ThriftType.I64, "Statistics.null_count"); s.NullCount = r.ReadI64(); break;
                case 5: r.Expect(t, ThriftType.Binary, "Statistics.max_value"); s.MaxValue = r.ReadBinary().ToArray(); break;
                case 6: r.Expect(t, ThriftType.Binary, "Statistics.min_value"); s.MinValue = r.ReadBinary().ToArray(); break;
                default: r.Skip(t); break;
            }
        }
        r.EndStruct();
        return s;
    }

    public void Write(ThriftCompactWriter w)
    {
        w.BeginStruct();
        if (NullCount is { } nc) w.FieldI64(3, nc);
        if (MaxValue is not null) w.FieldBinary(5, MaxValue);
        if (MinValue is not null) w.FieldBinary(6, MinValue);
        w.EndStruct();
    }
}
