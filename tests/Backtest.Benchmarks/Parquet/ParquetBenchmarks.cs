using Backtest.Parquet;
using BenchmarkDotNet.Attributes;

namespace Backtest.Benchmarks.Parquet;

/// <summary>
/// Throughput of the Parquet codec on a 10M-row bar table (480 MB of raw column data: ts + 5 doubles).
/// MB/s = 480,000,000 raw column bytes / mean time. Files live in the temp folder (page cache), so reads
/// measure decoding, not the disk. Run:
/// <c>dotnet run -c Release --project tests/Backtest.Benchmarks -- --filter '*ParquetBenchmarks*'</c>
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 7, invocationCount: 1)]
[MemoryDiagnoser]
public class ParquetBenchmarks
{
    private const int Rows = 10_000_000;
    private ParquetTable _table = null!;
    private readonly long[] _ts = new long[Rows];
    private readonly double[][] _doubles = [new double[Rows], new double[Rows], new double[Rows], new double[Rows], new double[Rows]];

    /// <summary>The codec under test.</summary>
    [Params(ParquetCompression.Uncompressed, ParquetCompression.Snappy)]
    public ParquetCompression Compression { get; set; }

    /// <summary>Where the benchmark files are (kept so DuckDB can be timed on the same bytes).</summary>
    public static string FileFor(ParquetCompression c) =>
        Path.Combine(Path.GetTempPath(), "backtest-parquet-bench", $"bars-10m-{c.ToString().ToLowerInvariant()}.parquet");

    private ParquetWriteOptions Options => new() { Compression = Compression, RowGroupSize = 1 << 20 };

    [GlobalSetup]
    public void Setup()
    {
        _table = BarTable.Create(Rows);
        Directory.CreateDirectory(Path.GetDirectoryName(FileFor(Compression))!);
        ParquetFile.Write(FileFor(Compression), _table, Options);
    }

    /// <summary>Encode + compress the whole table into a discarding stream (no IO).</summary>
    [Benchmark]
    public void WriteToNullStream() => ParquetFile.Write(Stream.Null, _table, Options);

    /// <summary>Write the file to the temp folder (page cache).</summary>
    [Benchmark]
    public void WriteFile() => ParquetFile.Write(FileFor(Compression) + ".out", _table, Options);

    /// <summary>Read every column of every row group into reused arrays (the streaming reader, no per-row objects).</summary>
    [Benchmark]
    public double ReadAllColumnsIntoBuffers()
    {
        using var reader = new ParquetReader(FileFor(Compression));
        var at = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var n = reader.RowGroupRowCount(g);
            reader.ReadColumn<long>(g, 0, _ts.AsSpan(at, n), default);
            for (var c = 0; c < 5; c++) reader.ReadColumn<double>(g, c + 1, _doubles[c].AsSpan(at, n), default);
            at += n;
        }
        return _doubles[3][Rows - 1];
    }

    /// <summary>Read the whole file as a new table (allocates the 480 MB of arrays each time).</summary>
    [Benchmark]
    public int ReadTable() => ParquetFile.Read(FileFor(Compression)).RowCount;

    /// <summary>Read one double column and sum it: the same work as DuckDB's <c>SELECT sum(close)</c>.</summary>
    [Benchmark]
    public double ReadCloseAndSum()
    {
        using var reader = new ParquetReader(FileFor(Compression));
        var column = reader.ColumnIndex("close");
        var buffer = _doubles[0];
        var sum = 0.0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var span = buffer.AsSpan(0, reader.RowGroupRowCount(g));
            reader.ReadColumn<double>(g, column, span, default);
            sum += System.Numerics.Tensors.TensorPrimitives.Sum<double>(span);
        }
        return sum;
    }
}
