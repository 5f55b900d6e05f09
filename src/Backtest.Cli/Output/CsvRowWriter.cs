using System.Globalization;
using System.Runtime.CompilerServices;

namespace Backtest.Cli.Output;

/// <summary>
/// Writes CSV rows as UTF-8 bytes into a buffer flushed to a stream: numbers in shortest round-trip form (parsing the
/// text gives the same double back), times as ISO-8601 UTC with milliseconds. A million-row equity file is written
/// without a string per value.
/// </summary>
internal sealed class CsvRowWriter(Stream stream) : IDisposable
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;

    /// <summary>Raw ASCII text (a header, a literal field).</summary>
    public void Text(ReadOnlySpan<byte> text)
    {
        Room(text.Length);
        text.CopyTo(_buffer.AsSpan(_used));
        _used += text.Length;
    }

    /// <summary>A field separator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Comma()
    {
        Room(1);
        _buffer[_used++] = (byte)',';
    }

    /// <summary>The end of a row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndRow()
    {
        Room(1);
        _buffer[_used++] = (byte)'\n';
    }

    /// <summary>A number, shortest round-trip invariant text; −0 is written 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Number(double value)
    {
        Room(32);
        if (value == 0) value = 0; // folds −0
        if (!value.TryFormat(_buffer.AsSpan(_used), out var written, default, CultureInfo.InvariantCulture))
            throw new InvalidOperationException($"could not format {value}");
        _used += written;
    }

    /// <summary>
    /// A number in a column whose value rarely changes (cumulative costs): when <paramref name="value"/> equals the last
    /// one written in <paramref name="slot"/>, its bytes are copied instead of formatted again. Same text as <see cref="Number"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RepeatedNumber(double value, int slot)
    {
        ref var cached = ref _cache[slot];
        if (cached.Length > 0 && BitConverter.DoubleToInt64Bits(cached.Value) == BitConverter.DoubleToInt64Bits(value))
        {
            Text(_cacheBytes.AsSpan(slot * 32, cached.Length));
            return;
        }
        Room(32); // Number must not flush between here and the copy below
        var start = _used;
        Number(value);
        var length = _used - start;
        _buffer.AsSpan(start, length).CopyTo(_cacheBytes.AsSpan(slot * 32));
        cached = (value, length);
    }

    private readonly (double Value, int Length)[] _cache = new (double, int)[8];
    private readonly byte[] _cacheBytes = new byte[8 * 32];

    /// <summary>Epoch milliseconds as "yyyy-MM-ddTHH:mm:ss.fffZ", the text <see cref="Core.Time.UtcTime.Iso"/> gives.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Time(long ms)
    {
        Room(24);
        var day = Math.DivRem(ms, 86_400_000L, out var inDay);
        if (inDay < 0 || day != _day)
        {
            IsoTime.Write(ms, _buffer.AsSpan(_used, 24));
            (_day, _date) = inDay < 0 ? (long.MinValue, _date) : (day, _buffer.AsSpan(_used, 11).ToArray());
        }
        else
        {
            _date.CopyTo(_buffer.AsSpan(_used));
            IsoTime.WriteTimeOfDay((int)inDay, _buffer.AsSpan(_used + 11, 13));
        }
        _used += 24;
    }

    // the "yyyy-MM-ddT" of the last day written: bars of one day share it, so the calendar is worked out once a day
    private long _day = long.MinValue;
    private byte[] _date = [];

    /// <summary>Writes what is buffered to the stream.</summary>
    public void Flush()
    {
        stream.Write(_buffer, 0, _used);
        _used = 0;
    }

    /// <inheritdoc />
    public void Dispose() => Flush();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Room(int bytes)
    {
        if (_used + bytes > _buffer.Length) Flush();
    }
}
