using Microsoft.Win32.SafeHandles;

namespace Backtest.Parquet.Reading;

/// <summary>Random access to a file's bytes, from a path (positional reads, no shared cursor) or a seekable stream.</summary>
internal sealed class ByteSource : IDisposable
{
    private readonly SafeFileHandle? _handle;
    private readonly Stream? _stream;
    private readonly bool _leaveOpen;

    private ByteSource(string name, SafeFileHandle? handle, Stream? stream, bool leaveOpen, long length)
    {
        Name = name;
        _handle = handle;
        _stream = stream;
        _leaveOpen = leaveOpen;
        Length = length;
    }

    /// <summary>The file path or stream label used in error messages.</summary>
    public string Name { get; }

    public long Length { get; }

    public static ByteSource Open(string path)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        return new ByteSource(path, handle, null, false, RandomAccess.GetLength(handle));
    }

    public static ByteSource FromStream(Stream stream, string name, bool leaveOpen)
    {
        if (!stream.CanSeek || !stream.CanRead) throw new ArgumentException("a Parquet reader needs a readable, seekable stream", nameof(stream));
        return new ByteSource(name, null, stream, leaveOpen, stream.Length);
    }

    /// <summary>Fills <paramref name="destination"/> from <paramref name="offset"/>; the caller has checked the range lies in the file.</summary>
    public void ReadExactly(long offset, Span<byte> destination)
    {
        if (offset < 0 || offset + destination.Length > Length)
            throw new ParquetFormatException(Name, $"a read of {destination.Length} bytes at offset {offset} runs past the end of the {Length}-byte file");
        if (_handle is not null)
        {
            var done = 0;
            while (done < destination.Length)
            {
                var n = RandomAccess.Read(_handle, destination[done..], offset + done);
                if (n == 0) throw new ParquetFormatException(Name, $"the file ended early while reading offset {offset + done} (was it truncated while open?)");
                done += n;
            }
        }
        else
        {
            _stream!.Position = offset;
            _stream.ReadExactly(destination);
        }
    }

    public void Dispose()
    {
        _handle?.Dispose();
        if (!_leaveOpen) _stream?.Dispose();
    }
}
