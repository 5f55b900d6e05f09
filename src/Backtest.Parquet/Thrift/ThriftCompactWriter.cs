using System.Buffers;
using System.Text;
using Backtest.Parquet.Writing;

namespace Backtest.Parquet.Thrift;

/// <summary>
/// Writes the Thrift compact protocol into a growable buffer. Callers write fields in ascending id order
/// (the encoding of field ids as deltas needs it), which also keeps the bytes deterministic.
/// </summary>
internal sealed class ThriftCompactWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Stack<short> _lastIds = new();
    private short _lastId;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public void Clear()
    {
        _buffer.Clear();
        _lastIds.Clear();
        _lastId = 0;
    }

    public void BeginStruct()
    {
        _lastIds.Push(_lastId);
        _lastId = 0;
    }

    public void EndStruct()
    {
        WriteByte(0);
        _lastId = _lastIds.Pop();
    }

    public void FieldI32(short id, int value)
    {
        FieldHeader(id, ThriftType.I32);
        WriteVarint(ZigZag(value));
    }

    public void FieldI64(short id, long value)
    {
        FieldHeader(id, ThriftType.I64);
        WriteVarint(ZigZag(value));
    }

    public void FieldBool(short id, bool value) => FieldHeader(id, value ? ThriftType.BooleanTrue : ThriftType.BooleanFalse);

    public void FieldBinary(short id, ReadOnlySpan<byte> value)
    {
        FieldHeader(id, ThriftType.Binary);
        WriteBinary(value);
    }

    public void FieldString(short id, string value)
    {
        FieldHeader(id, ThriftType.Binary);
        WriteString(value);
    }

    /// <summary>Writes only the header of a struct-valued field; the struct's own writer follows with BeginStruct.</summary>
    public void FieldStructHeader(short id) => FieldHeader(id, ThriftType.Struct);

    /// <summary>Starts a struct-valued field; close it with <see cref="EndStruct"/>.</summary>
    public void FieldStructBegin(short id)
    {
        FieldHeader(id, ThriftType.Struct);
        BeginStruct();
    }

    /// <summary>Starts a list-valued field; write the elements with the element writers after it.</summary>
    public void FieldListBegin(short id, ThriftType elementType, int count)
    {
        FieldHeader(id, ThriftType.List);
        if (count < 15) WriteByte((byte)((count << 4) | (int)elementType));
        else
        {
            WriteByte((byte)(0xF0 | (int)elementType));
            WriteVarint((ulong)count);
        }
    }

    public void ElementI32(int value) => WriteVarint(ZigZag(value));

    public void WriteString(string value)
    {
        var count = StrictUtf8.Encoding.GetByteCount(value);
        WriteVarint((ulong)count);
        var span = _buffer.GetSpan(count);
        StrictUtf8.Encoding.GetBytes(value, span);
        _buffer.Advance(count);
    }

    private void WriteBinary(ReadOnlySpan<byte> value)
    {
        WriteVarint((ulong)value.Length);
        _buffer.Write(value);
    }

    private void FieldHeader(short id, ThriftType type)
    {
        var delta = id - _lastId;
        if (delta is > 0 and <= 15) WriteByte((byte)((delta << 4) | (int)type));
        else
        {
            WriteByte((byte)type);
            WriteVarint(ZigZag(id));
        }
        _lastId = id;
    }

    private void WriteByte(byte b)
    {
        _buffer.GetSpan(1)[0] = b;
        _buffer.Advance(1);
    }

    private void WriteVarint(ulong value)
    {
        var span = _buffer.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        _buffer.Advance(i);
    }

    private static ulong ZigZag(long n) => (ulong)((n << 1) ^ (n >> 63));
}
