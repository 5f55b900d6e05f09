using FsCheck;
using FsCheck.Fluent;
using Backtest.Parquet.Tests.Support;

namespace Backtest.Parquet.Tests.Codec;

/// <summary>FsCheck: arbitrary columns (any doubles incl. NaN/-0, any longs, any strings incl. nulls) survive a write and read, for every codec.</summary>
public sealed class RoundTripPropertyTests
{
    [Fact]
    public void Arbitrary_columns_round_trip_through_every_codec()
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(150).WithReplay(12345UL, 0x9E3779B97F4A7C15UL);
        Check.One(config, Prop.ForAll<long[], double[], string?[]>((longs, doubles, strings) =>
        {
            var n = Math.Min(longs.Length, Math.Min(doubles.Length, strings.Length));
            // Nulls, booleans and the layout are derived from the generated longs, so every case is reproducible from its seed.
            var nulls = longs[..n].Select(l => l % 3 == 0).ToArray();
            var flags = longs[..n].Select(l => (l & 1) == 1).ToArray();
            var groupSize = (int)(doubles.Length % 7);
            var table = new ParquetTable(
                ParquetColumn.Int64("l", longs[..n]),
                ParquetColumn.Double("d", doubles[..n], nulls),
                ParquetColumn.String("s", strings[..n], nullable: true),
                ParquetColumn.Boolean("b", flags[..n]));
            foreach (var compression in new[] { ParquetCompression.Uncompressed, ParquetCompression.Snappy, ParquetCompression.Gzip })
            {
                var ms = new MemoryStream();
                var options = new ParquetWriteOptions { Compression = compression, RowGroupSize = 1 + Math.Abs(groupSize % 5), DictionaryForStrings = groupSize % 2 == 0 };
                ParquetFile.Write(ms, table, options);
                using var reader = new ParquetReader(new MemoryStream(ms.ToArray()));
                ColumnAssert.Equal(table, ParquetFile.Read(reader), $"{compression}, {n} rows");
            }
            return true;
        }));
    }
}
