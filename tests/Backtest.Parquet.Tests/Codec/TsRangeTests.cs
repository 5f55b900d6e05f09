using Backtest.Parquet.Tests.Support;

namespace Backtest.Parquet.Tests.Codec;

/// <summary>Reading a ts range: row groups ruled out by statistics are never touched, and the rows returned are exactly from ≤ ts &lt; to.</summary>
public sealed class TsRangeTests : IDisposable
{
    private const int Rows = 10_000;
    private const int GroupSize = 1_000;
    private static readonly long[] Ts = Enumerable.Range(0, Rows).Select(i => 1_600_000_000_000L + i * 300_000L).ToArray();
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string name)
    {
        var x = Enumerable.Range(0, Rows).Select(i => i * 0.5).ToArray();
        var s = Enumerable.Range(0, Rows).Select(i => "r" + i).ToArray();
        var path = _dir.File(name);
        ParquetFile.Write(path, new ParquetTable(ParquetColumn.TimestampMillisUtc("ts", Ts), ParquetColumn.Double("x", x), ParquetColumn.String("s", s)),
            new ParquetWriteOptions { RowGroupSize = GroupSize, Compression = ParquetCompression.Snappy });
        return path;
    }

    [Theory]
    [InlineData(0, Rows)]
    [InlineData(2500, 3500)]
    [InlineData(1000, 2000)]
    [InlineData(999, 1001)]
    [InlineData(4000, 4000)]
    [InlineData(9999, Rows)]
    public void Returns_exactly_the_rows_in_the_half_open_range(int fromRow, int toRow)
    {
        var path = Write("r.parquet");
        var from = Ts[fromRow];
        var to = toRow < Rows ? Ts[toRow] : long.MaxValue;
        var table = ParquetFile.Read(path, ["s", "x"], (from, to));
        var expected = Enumerable.Range(fromRow, toRow - fromRow).ToArray();
        Assert.Equal(expected.Select(i => "r" + i), table["s"].Strings());
        Assert.Equal(expected.Select(i => i * 0.5), table["x"].Doubles());
        Assert.False(table.Contains("ts"));
    }

    [Fact]
    public void Groups_outside_the_range_are_skipped_without_being_read()
    {
        var path = Write("skip.parquet");
        var meta = ParquetFile.ReadMetadata(path);
        using (var reader = new ParquetReader(path))
            Assert.Equal([2, 3], reader.RowGroupsOverlapping(Ts[2500], Ts[3500]));

        // Destroy the data of every other row group: reading the range must not notice, a full read must.
        var bytes = File.ReadAllBytes(path);
        var offset = 4L;
        for (var g = 0; g < meta.RowGroups.Count; g++)
        {
            var size = meta.RowGroups[g].Columns.Sum(c => c.CompressedSize);
            if (g is not (2 or 3)) bytes.AsSpan((int)offset, (int)size).Fill(0xAB);
            offset += size;
        }
        File.WriteAllBytes(path, bytes);

        var table = ParquetFile.Read(path, ["x"], (Ts[2500], Ts[3500]));
        Assert.Equal(Enumerable.Range(2500, 1000).Select(i => i * 0.5), table["x"].Doubles());
        Assert.Throws<ParquetFormatException>(() => ParquetFile.Read(path, ["x"]));
    }

    [Fact]
    public void A_range_needs_an_int64_ts_column()
    {
        var path = _dir.File("nots.parquet");
        ParquetFile.Write(path, new ParquetTable(ParquetColumn.Double("x", [1, 2])));
        Assert.Throws<KeyNotFoundException>(() => ParquetFile.Read(path, null, (0, 1)));
    }
}
