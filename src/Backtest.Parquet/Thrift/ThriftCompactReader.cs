using System.Buffers.Binary;
using System.Text;

namespace Backtest.Parquet.Thrift;

/// <summary>
/// Reads the Thrift compact protocol from a span. Every length and count it returns is checked against the
/// bytes that remain, and nesting is capped, so a corrupt footer or page header fails with a
/// <see cref="ParquetFormatException"/> instead of allocating without bound or recursing forever.
/// </summary>
internal ref struct ThriftCompactReader
{
    private const int MaxDepth = 32;
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _file;
    private readonly string _what;
    private int _depth;

    public ThriftCompactReader(ReadOnlySpan<byte> data, string file, string what)
    {
        _data = data;
        _file = file;
        _what = what;
        Position = 0;
        _depth = 0;
    }

    /// <summary>Bytes consumed so far.</summary>
    public int Position { get; private set; }

    public int Remaining => _data.Length - Position;

    public ParquetFormatException Corrupt(string problem) =>
        new(_file, $"corrupt {_what} at byte {Position}: {problem}");

    /// <summary>Enters a struct; pair with <see cref="EndStruct"/>.</summary>
    public void BeginStruct()
    {
        if (++_depth > MaxDepth) throw Corrupt($"structures nested deeper than {MaxDepth} levels");
    }

    public void EndStruct() => _depth--;

    /// <summary>Reads the next field header; false at the struct's stop byte. Booleans carry their value in the type.</summary>
    public bool NextField(ref short lastId, out ThriftType type, out short id)
    {
        var header = ReadByte();
        if (header == 0)
        {
            type = ThriftType.Stop;
            id = 0;
            return false;
        }
        type = (ThriftType)(header & 0x0F);
        if (type > ThriftType.Struct) throw Corrupt($"unknown field type {(int)type}");
        var delta = header >> 4;
        id = delta != 0 ? (short)(lastId + delta) : (short)ZigZag32(ReadVarint32());
        lastId = id;
        return true;
    }

    public byte ReadByte()
    {
        if (Position >= _data.Length) throw Corrupt("unexpected end of data");
        return _data[Position++];
    }

    public int ReadI32() => ZigZag32(ReadVarint32());

    public long ReadI64() => ZigZag64(ReadVarint64());

    /// <summary>A boolean field's value from its type nibble, or a boolean list element's byte.</summary>
    public static bool BoolFromType(ThriftType type) => type == ThriftType.BooleanTrue;

    public double ReadDouble()
    {
        if (Remaining < 8) throw Corrupt("unexpected end of data in a double");
        var v = BinaryPrimitives.ReadDoubleLittleEndian(_data.Slice(Position, 8));
        Position += 8;
        return v;
    }

    public ReadOnlySpan<byte> ReadBinary()
    {
        var length = ReadVarint32();
        if (length > (uint)Remaining) throw Corrupt($"binary of {length} bytes overruns the {Remaining} bytes left");
        var span = _data.Slice(Position, (int)length);
        Position += (int)length;
        return span;
    }

    public string ReadString()
    {
        var bytes = ReadBinary();
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Reads a list or set header; the count is bounded by the bytes left (every element takes at least one).</summary>
    public int ReadListHeader(out ThriftType elementType)
    {
        var header = ReadByte();
        elementType = (ThriftType)(header & 0x0F);
        if (elementType > ThriftType.Struct || elementType == ThriftType.Stop) throw Corrupt($"unknown list element type {(int)elementType}");
        uint count = (uint)(header >> 4);
        if (count == 15) count = ReadVarint32();
        if (count > (uint)Remaining) throw Corrupt($"list of {count} elements overruns the {Remaining} bytes left");
        return (int)count;
    }

    /// <summary>Skips a value of <paramref name="type"/> (unknown or unused fields).</summary>
    public void Skip(ThriftType type)
    {
        switch (type)
        {
            case ThriftType.BooleanTrue:
            case ThriftType.BooleanFalse:
                return; // field booleans live in the header
            case ThriftType.Byte:
                ReadByte();
                return;
            case ThriftType.I16:
            case ThriftType.I32:
                ReadVarint32();
                return;
            case ThriftType.I64:
                ReadVarint64();
                return;
            case ThriftType.Double:
                ReadDouble();
                return;
            case ThriftType.Binary:
                ReadBinary();
                return;
            case ThriftType.List:
            case ThriftType.Set:
            {
                var n = ReadListHeader(out var et);
                BeginStruct();
                for (var i = 0; i < n; i++)
                {
                    if (et is ThriftType.BooleanTrue or ThriftType.BooleanFalse) ReadByte();
                    else Skip(et);
                }
                EndStruct();
                return;
            }
            case ThriftType.Map:
            {
                var n = ReadVarint32();
                if (n > (uint)Remaining) throw Corrupt($"map of {n} entries overruns the {Remaining} bytes left");
                if (n == 0) return;
                var kv = ReadByte();
                var kt = (ThriftType)(kv >> 4);
                var vt = (ThriftType)(kv & 0x0F);
                if (kt > ThriftType.Struct || vt > ThriftType.Struct || kt == ThriftType.Stop || vt == ThriftType.Stop)
                    throw Corrupt("unknown map key or value type");
                BeginStruct();
                for (var i = 0; i < n; i++)
                {
                    if (kt is ThriftType.BooleanTrue or ThriftType.BooleanFalse) ReadByte(); else Skip(kt);
                    if (vt is ThriftType.BooleanTrue or ThriftType.BooleanFalse) ReadByte(); else Skip(vt);
                }
                EndStruct();
                return;
            }
            case ThriftType.Struct:
            {
                BeginStruct();
                short last = 0;
                while (NextField(ref last, out var ft, out _)) Skip(ft);
                EndStruct();
                return;
            }
            default:
                throw Corrupt($"cannot skip field type {(int)type}");
        }
    }

    /// <summary>Checks a field has the wire type the schema expects.</summary>
    public void Expect(ThriftType actual, ThriftType expected, string field)
    {
        if (actual == expected) return;
        // i16/i32 are both zigzag varints, and booleans come as either nibble.
        if (expected == ThriftType.BooleanTrue && actual == ThriftType.BooleanFalse) return;
        throw Corrupt($"field {field} has wire type {(int)actual}, expected {(int)expected}");
    }

    private uint ReadVarint32()
    {
        uint result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = ReadByte();
            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw Corrupt("varint longer than 5 bytes");
    }

    private ulong ReadVarint64()
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw Corrupt("varint longer than 10 bytes");
    }

    private static int ZigZag32(uint n) => (int)(n >> 1) ^ -(int)(n & 1);

    private static long ZigZag64(ulong n) => (long)(n >> 1) ^ -(long)(n & 1);
}
