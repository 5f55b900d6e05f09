namespace Backtest.Parquet.Encodings;

/// <summary>BYTE_STREAM_SPLIT: byte k of every value stored together, which helps compress floating point data.</summary>
internal static class ByteStreamSplit
{
    /// <summary>Reassembles <c>dst.Length</c> values from their byte streams; returns the bytes consumed.</summary>
    public static unsafe int Decode<T>(ReadOnlySpan<byte> src, Span<T> dst) where T : unmanaged
    {
        var width = sizeof(T);
        var count = dst.Length;
        var bytes = (long)count * width;
        if (bytes > src.Length) throw new PageDataException($"BYTE_STREAM_SPLIT data holds {src.Length} bytes but {count} values need {bytes}");
        fixed (T* d = dst)
        {
            var output = (byte*)d;
            for (var k = 0; k < width; k++)
            {
                var stream = src.Slice(k * count, count);
                for (var i = 0; i < count; i++) output[i * width + k] = stream[i];
            }
        }
        return (int)bytes;
    }
}
