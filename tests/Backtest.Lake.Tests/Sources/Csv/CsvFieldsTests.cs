using Backtest.Testing;
using System.Globalization;
using System.Text;
using Backtest.Lake.Sources.Csv;

namespace Backtest.Lake.Tests.Sources.Csv;

/// <summary>The fast decimal path must agree bit for bit with .NET's correctly rounded parser wherever it answers.</summary>
public sealed class CsvFieldsTests
{
    [Theory]
    [InlineData("42314.00")]
    [InlineData("0.00010000")]
    [InlineData("-0.00000183")]
    [InlineData("16529.2")]
    [InlineData("844.251")]
    [InlineData("25159823.02390")]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("9007199254740992")]
    [InlineData("0.1")]
    [InlineData("1.7976931348")]
    [InlineData("0.0000000000000000000001")]
    public void Plain_decimals_take_the_fast_path_and_equal_double_parse(string text)
    {
        Assert.True(CsvFields.TryPlainDecimal(Encoding.ASCII.GetBytes(text), out var fast));
        Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(fast));
    }

    [Theory]
    [InlineData("1e5")]
    [InlineData("9007199254740993")]   // above 2^53: not exact as a double, left to the general parser
    [InlineData("12345678901234567")]  // 17 significant digits
    [InlineData("0.00000000000000000000001")] // 23 decimals
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("+1")]
    [InlineData("NaN")]
    public void Anything_else_is_left_to_the_general_parser(string text) =>
        Assert.False(CsvFields.TryPlainDecimal(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void Random_decimals_parse_identically_on_both_paths()
    {
        var rng = new TestRandom(0x9E3779B97F4A7C15UL);
        var fastPathHits = 0;
        var sb = new StringBuilder();
        for (var n = 0; n < 200_000; n++)
        {
            sb.Clear();
            if (rng.Next() % 4 == 0) sb.Append('-');
            var intDigits = (int)(rng.Next() % 10);
            var fracDigits = (int)(rng.Next() % 14);
            sb.Append((char)('0' + rng.Next() % 10));
            for (var i = 0; i < intDigits; i++) sb.Append((char)('0' + rng.Next() % 10));
            if (fracDigits > 0)
            {
                sb.Append('.');
                for (var i = 0; i < fracDigits; i++) sb.Append((char)('0' + rng.Next() % 10));
            }
            var text = sb.ToString();
            if (!CsvFields.TryPlainDecimal(Encoding.ASCII.GetBytes(text), out var fast)) continue;
            fastPathHits++;
            var reference = double.Parse(text, CultureInfo.InvariantCulture);
            Assert.True(BitConverter.DoubleToInt64Bits(reference) == BitConverter.DoubleToInt64Bits(fast), $"{text}: {fast:R} vs {reference:R}");
        }
        Assert.True(fastPathHits > 100_000, $"only {fastPathHits} of 200000 took the fast path");
    }

    [Theory]
    [InlineData("1672531200000", 1672531200000)]
    [InlineData("1735689600000000", 1735689600000)]
    public void Epoch_times_in_ms_or_us_read_as_ms(string text, long ms) =>
        Assert.Equal(ms, CsvFields.EpochMs(Encoding.ASCII.GetBytes(text), "f.csv", 1, "open_time"));

    [Theory]
    [InlineData("2024-01-15 00:05:00", 1705277100000)]
    [InlineData("2024-02-29 23:59:59", 1709251199000)]
    [InlineData("1970-01-01 00:00:00", 0)]
    public void Metrics_text_times_read_as_epoch_ms(string text, long ms) =>
        Assert.Equal(ms, CsvFields.UtcTextOrEpochMs(Encoding.ASCII.GetBytes(text), "f.csv", 1, "create_time"));

    [Theory]
    [InlineData("2023-02-29 00:00:00")]
    [InlineData("2024-13-01 00:00:00")]
    [InlineData("2024-01-01 00:60:00")]
    [InlineData("2024-01-01")]
    public void Impossible_text_times_are_errors(string text) =>
        Assert.Throws<Lake.Sources.RawDataException>(() => CsvFields.UtcTextOrEpochMs(Encoding.ASCII.GetBytes(text), "f.csv", 1, "create_time"));
}
