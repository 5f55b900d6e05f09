using Backtest.Parquet.Thrift;

namespace Backtest.Parquet.Format;

/// <summary>
/// The parts of the Thrift LogicalType union this codec interprets: which member is set, and for
/// TIMESTAMP its unit and UTC flag (the lake's <c>ts</c> column is TIMESTAMP(MILLIS, UTC)).
/// </summary>
internal sealed class LogicalTypeAnnotation
{
    public const int String = 1;
    public const int Timestamp = 8;

    /// <summary>The union member's field id (1 STRING … 8 TIMESTAMP …).</summary>
    public int Kind;
    public bool IsAdjustedToUtc;
    /// <summary>1 millis, 2 micros, 3 nanos (TimeUnit union member).</summary>
    public int TimeUnit;

    public static LogicalTypeAnnotation Read(ref ThriftCompactReader r)
    {
        var lt = new LogicalTypeAnnotation();
        r.BeginStruct();
        short last = 0;
        while (r.NextField(ref last, out var t, out var id))
        {
            if (id == Timestamp && t == ThriftType.Struct)
            {
                lt.Kind = id;
                r.BeginStruct();
                short l2 = 0;
                while (r.NextField(ref l2, out var t2, out var id2))
                {
                    if (id2 == 1 && t2 is ThriftType.BooleanTrue or ThriftType.BooleanFalse) lt.IsAdjustedToUtc = ThriftCompactReader.BoolFromType(t2);
                    else if (id2 == 2 && t2 == ThriftType.Struct)
                    {
                        r.BeginStruct();
                        short l3 = 0;
                        while (r.NextField(ref l3, out var t3, out var id3))
                        {
                            lt.TimeUnit = id3;
                            r.Skip(t3);
                        }
                        r.EndStruct();
                    }
                    else r.Skip(t2);
                }
                r.EndStruct();
            }
            else
            {
                lt.Kind = id;
                r.Skip(t);
            }
        }
        r.EndStruct();
        return lt;
    }

    /// <summary>Writes STRING.</summary>
    public static void WriteString(ThriftCompactWriter w, short fieldId)
    {
        w.FieldStructBegin(fieldId);
        w.FieldStructBegin(String);
        w.EndStruct();
        w.EndStruct();
    }

    /// <summary>Writes TIMESTAMP(isAdjustedToUTC, unit) with unit 1 millis, 2 micros, 3 nanos.</summary>
    public static void WriteTimestamp(ThriftCompactWriter w, short fieldId, bool utc, int unit)
    {
        w.FieldStructBegin(fieldId);
        w.FieldStructBegin(Timestamp);
        w.FieldBool(1, utc);
        w.FieldStructBegin(2);
        w.FieldStructBegin((short)unit);
        w.EndStruct();
        w.EndStruct();
        w.EndStruct();
        w.EndStruct();
    }
}
