namespace Backtest.Parquet.Writing;

/// <summary>Tracks how many bytes went to the output, so offsets in the footer work on non-seekable streams too.</summary>
internal sealed class CountingStream(Stream inner)
{
    public long Position { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        inner.Write(bytes);
        Position += bytes.Length;
    }
}
