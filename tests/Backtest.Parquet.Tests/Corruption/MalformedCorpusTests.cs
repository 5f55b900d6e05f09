using Backtest.Testing;
using System.Buffers.Binary;
using Backtest.Parquet.Tests.Conformance;
using Backtest.Parquet.Tests.Support;
using Xunit.Abstractions;

namespace Backtest.Parquet.Tests.Corruption;

/// <summary>
/// Hundreds of randomly truncated, bit-flipped and overwritten copies of valid files (ours and DuckDB's):
/// reading each must finish within a time bound, allocate a bounded amount, and either succeed (a flip
/// inside a value may decode to another value: Parquet's CRC is optional) or raise ParquetFormatException.
/// Any other exception, a hang or a crash is a failure.
/// </summary>
public sealed class MalformedCorpusTests(ITestOutputHelper output)
{
    private const int TimeLimitMs = 10_000;
    private const long AllocationLimit = 512L << 20;

    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        foreach (var name in SeedFiles.Keys) data.Add(name);
        return data;
    }

    private static readonly Dictionary<string, Func<byte[]>> SeedFiles = new()
    {
        ["ours-uncompressed"] = () => Ours(new ParquetWriteOptions { Compression = ParquetCompression.Uncompressed, RowGroupSize = 200 }),
        ["ours-snappy-dict"] = () => Ours(new ParquetWriteOptions { Compression = ParquetCompression.Snappy, RowGroupSize = 200 }),
        ["ours-gzip-plain"] = () => Ours(new ParquetWriteOptions { Compression = ParquetCompression.Gzip, RowGroupSize = 300, DictionaryForStrings = false }),
        ["ours-v2-snappy"] = () => Ours(new ParquetWriteOptions { Compression = ParquetCompression.Snappy, RowGroupSize = 250, DataPageV2 = true }),
        ["duckdb-snappy_v1"] = () => File.ReadAllBytes(Path.Combine(DuckDbVectorTests.Folder, "snappy_v1.parquet")),
        ["duckdb-gzip_v2"] = () => File.ReadAllBytes(Path.Combine(DuckDbVectorTests.Folder, "gzip_v2.parquet")),
        ["duckdb-snappy_v2_plain"] = () => File.ReadAllBytes(Path.Combine(DuckDbVectorTests.Folder, "snappy_v2_plain.parquet")),
        ["duckdb-uncompressed_plain"] = () => File.ReadAllBytes(Path.Combine(DuckDbVectorTests.Folder, "uncompressed_plain.parquet")),
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mutated_files_fail_cleanly_or_decode(string seed)
    {
        var original = SeedFiles[seed]();
        Assert.Null(Read(original, "original").Problem); // the seed itself must be valid
        var rng = new TestRandom((ulong)seed.GetHashCode(StringComparison.Ordinal) & 0xFFFF_FFFF);
        var failures = new List<string>();
        var clean = 0;
        var rejected = 0;
        foreach (var (what, bytes) in Mutations(original, rng))
        {
            var outcome = Read(bytes, what);
            if (outcome.Problem is not null) failures.Add($"{what}: {outcome.Problem}");
            else if (outcome.Rejected) rejected++;
            else clean++;
        }
        output.WriteLine($"{seed}: {rejected + clean + failures.Count} mutated files of {original.Length} bytes: {rejected} rejected with ParquetFormatException, {clean} decoded, {failures.Count} misbehaved");
        Assert.True(failures.Count == 0, $"{seed}: {failures.Count} mutated files misbehaved:\n" + string.Join("\n", failures.Take(20)));
        // Most structural damage must be caught, not silently accepted.
        Assert.True(rejected > clean / 4, $"{seed}: only {rejected} of {rejected + clean} mutated files were rejected");
    }

    [Fact]
    public void Every_truncation_of_a_small_file_is_rejected_with_a_format_error()
    {
        var original = Ours(new ParquetWriteOptions { RowGroupSize = 100 }, rows: 150);
        for (var length = 0; length < original.Length; length++)
        {
            var outcome = Read(original.AsSpan(0, length).ToArray(), $"truncated to {length}");
            Assert.True(outcome.Problem is null, outcome.Problem);
            Assert.True(outcome.Rejected, $"a file truncated to {length} of {original.Length} bytes was accepted");
        }
    }

    private static byte[] Ours(ParquetWriteOptions options, int rows = 600)
    {
        var ms = new MemoryStream();
        ParquetFile.Write(ms, TestTables.EdgeCases(rows, seed: 21), options);
        return ms.ToArray();
    }

    /// <summary>Truncations, random bit flips anywhere, bit flips in the footer and page headers, and overwritten ranges.</summary>
    private static IEnumerable<(string What, byte[] Bytes)> Mutations(byte[] original, TestRandom rng)
    {
        var n = original.Length;
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(original.AsSpan(n - 8));
        var footerStart = n - 8 - footerLength;
        for (var i = 0; i < 40; i++)
        {
            var length = i < 10 ? i * 2 : i < 20 ? n - 1 - rng.Below(64) : rng.Below(n);
            yield return ($"truncated to {length} bytes", original.AsSpan(0, length).ToArray());
        }
        for (var i = 0; i < 80; i++)
        {
            var copy = (byte[])original.Clone();
            var flips = 1 + rng.Below(3);
            var where = new List<int>();
            for (var f = 0; f < flips; f++)
            {
                var at = rng.Below(n);
                copy[at] ^= (byte)(1 << rng.Below(8));
                where.Add(at);
            }
            yield return ($"bits flipped at {string.Join(",", where)}", copy);
        }
        for (var i = 0; i < 80; i++)
        {
            var copy = (byte[])original.Clone();
            var at = footerStart + rng.Below(footerLength);
            copy[at] ^= (byte)(1 << rng.Below(8));
            yield return ($"footer bit flipped at {at}", copy);
        }
        for (var i = 0; i < 40; i++)
        {
            // Page headers sit right after PAR1 and after each page; hitting the first bytes of the data area covers them often.
            var copy = (byte[])original.Clone();
            var at = 4 + rng.Below(Math.Min(64, footerStart - 4));
            copy[at] ^= (byte)(1 << rng.Below(8));
            yield return ($"early page header bit flipped at {at}", copy);
        }
        for (var i = 0; i < 20; i++)
        {
            var copy = (byte[])original.Clone();
            var at = rng.Below(n);
            var length = Math.Min(n - at, 1 + rng.Below(32));
            for (var k = 0; k < length; k++) copy[at + k] = (byte)rng.Next();
            yield return ($"{length} bytes overwritten at {at}", copy);
        }
    }

    private readonly record struct Outcome(bool Rejected, string? Problem);

    /// <summary>Reads everything on its own thread, bounded in time and in bytes allocated by that thread.</summary>
    private static Outcome Read(byte[] bytes, string what)
    {
        Outcome outcome = default;
        var thread = new Thread(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                using var reader = new ParquetReader(new MemoryStream(bytes), what);
                for (var g = 0; g < reader.RowGroupCount; g++)
                for (var c = 0; c < reader.Schema.Fields.Count; c++)
                    reader.ReadColumn(g, c);
                outcome = new Outcome(false, null);
            }
            catch (ParquetFormatException e)
            {
                outcome = e.File == what && e.Message.Length > 0 ? new Outcome(true, null) : new Outcome(true, $"exception without the file name: {e.Message}");
            }
            catch (Exception e)
            {
                outcome = new Outcome(false, $"{e.GetType().Name}: {e.Message} at {e.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
            }
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated > AllocationLimit && outcome.Problem is null)
                outcome = outcome with { Problem = $"allocated {allocated >> 20} MiB for a {bytes.Length}-byte file" };
        }, maxStackSize: 1 << 20);
        thread.Start();
        if (!thread.Join(TimeLimitMs)) return new Outcome(false, $"did not finish within {TimeLimitMs} ms (hang?)");
        return outcome;
    }
}
