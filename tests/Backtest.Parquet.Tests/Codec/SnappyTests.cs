using Backtest.Testing;
using System.Text.Json;
using Backtest.Parquet.Compression;
using Backtest.Parquet.Encodings;
using Backtest.Parquet.Tests.Support;

namespace Backtest.Parquet.Tests.Codec;

/// <summary>
/// Snappy against hand-assembled blocks from the format description (vectors/snappy/blocks.json: every tag
/// kind, long literals, overlapping copies, and malformed blocks with the expected error), plus round trips.
/// DuckDB-written Snappy files are covered by the conformance tests.
/// </summary>
public sealed class SnappyTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Load()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hand_vectors_decode_or_fail_as_specified(string name)
    {
        var c = Load().Single(e => e.GetProperty("name").GetString() == name);
        var compressed = Convert.FromHexString(c.GetProperty("compressed").GetString()!);
        if (c.TryGetProperty("error", out var error))
        {
            var declared = compressed.Length > 1 ? DeclaredOrZero(compressed) : 0;
            var ex = Assert.Throws<PageDataException>(() => Snappy.Decompress(compressed, new byte[declared]));
            Assert.Equal(error.GetString(), ex.Message);
            return;
        }
        var expected = Convert.FromHexString(c.GetProperty("expected_hex").GetString()!);
        Assert.Equal(expected.Length, Snappy.DecompressedLength(compressed));
        var output = new byte[expected.Length];
        Snappy.Decompress(compressed, output);
        Assert.Equal(expected, output);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(100)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(65_537)]
    [InlineData(1_000_003)]
    public void Round_trips_random_repetitive_and_sequential_data(int length)
    {
        var rng = new TestRandom((ulong)length + 1);
        var random = new byte[length];
        for (var i = 0; i < length; i++) random[i] = (byte)rng.Next();
        var repetitive = new byte[length];
        for (var i = 0; i < length; i++) repetitive[i] = (byte)"abcabcabd"[i % 9];
        var timestamps = new byte[length];
        for (var i = 0; i + 8 <= length; i += 8) BitConverter.TryWriteBytes(timestamps.AsSpan(i), 1_700_000_000_000L + i / 8 * 300_000L);
        foreach (var data in new[] { random, repetitive, timestamps })
        {
            var compressed = new byte[Snappy.MaxCompressedLength(length)];
            var n = Snappy.Compress(data, compressed);
            var back = new byte[length];
            Snappy.Decompress(compressed.AsSpan(0, n), back);
            Assert.Equal(data, back);
        }
    }

    [Fact]
    public void Compresses_repetitive_data_well_and_random_data_with_little_overhead()
    {
        var length = 1 << 20;
        var repetitive = new byte[length];
        for (var i = 0; i < length; i++) repetitive[i] = (byte)(i % 251 < 200 ? 'x' : i % 7);
        var rng = new TestRandom(5);
        var random = new byte[length];
        for (var i = 0; i < length; i++) random[i] = (byte)rng.Next();
        var buffer = new byte[Snappy.MaxCompressedLength(length)];
        Assert.True(Snappy.Compress(repetitive, buffer) < length / 10);
        Assert.True(Snappy.Compress(random, buffer) < length + length / 100);
    }

    private static int DeclaredOrZero(byte[] block)
    {
        try
        {
            return Snappy.DecompressedLength(block);
        }
        catch (PageDataException)
        {
            return 0;
        }
    }

    private static JsonElement[] Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "vectors", "snappy", "blocks.json")));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}
