using System.Runtime.InteropServices;
using Backtest.Parquet.Compression;
using BenchmarkDotNet.Attributes;

namespace Backtest.Benchmarks.Parquet;

/// <summary>
/// The Snappy codec alone on 1 MiB pages of bar columns (what the writer compresses), beside a plain memory
/// copy of the same bytes as a baseline that shows how busy the machine was. Run:
/// <c>dotnet run -c Release --project tests/Backtest.Benchmarks -- --filter '*SnappyBenchmarks*'</c>
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SnappyBenchmarks
{
    private const int PageRows = 1 << 17;
    private byte[] _raw = [];
    private byte[] _compressed = [];
    private int _compressedLength;
    private byte[] _output = [];

    /// <summary>Which bar column the page holds.</summary>
    [Params("ts", "close")]
    public string Column { get; set; } = "ts";

    [GlobalSetup]
    public void Setup()
    {
        var table = BarTable.Create(PageRows);
        _raw = Column == "ts"
            ? MemoryMarshal.AsBytes(table["ts"].Int64s().AsSpan()).ToArray()
            : MemoryMarshal.AsBytes(table["close"].Doubles().AsSpan()).ToArray();
        _compressed = new byte[Snappy.MaxCompressedLength(_raw.Length)];
        _compressedLength = Snappy.Compress(_raw, _compressed);
        _output = new byte[_raw.Length];
    }

    /// <summary>Copying the page: the ceiling for any decoder.</summary>
    [Benchmark(Baseline = true)]
    public void Memcpy() => _raw.AsSpan().CopyTo(_output);

    [Benchmark]
    public int Compress() => Snappy.Compress(_raw, _compressed);

    [Benchmark]
    public void Decompress() => Snappy.Decompress(_compressed.AsSpan(0, _compressedLength), _output);
}
