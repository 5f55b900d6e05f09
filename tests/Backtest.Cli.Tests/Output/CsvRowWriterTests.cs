using System.Globalization;
using System.Text;
using Backtest.Cli.Output;
using Backtest.Core.Time;

namespace Backtest.Cli.Tests.Output;

public sealed class CsvRowWriterTests
{
    [Fact]
    public void Times_are_the_text_UtcTime_Iso_gives_across_days_years_and_milliseconds()
    {
        var times = new List<long> { 0, -1, -86_400_000, 951_782_400_000 /* 2000-02-29 */, 4_102_444_799_999 /* 2099-12-31 23:59:59.999 */ };
        for (var t = 1_704_067_200_000L - 3_600_000; t < 1_704_067_200_000L + 3 * 86_400_000L; t += 299_993) times.Add(t); // crosses midnights, odd ms
        var stream = new MemoryStream();
        using (var w = new CsvRowWriter(stream))
            foreach (var t in times) { w.Time(t); w.EndRow(); }
        Assert.Equal(string.Concat(times.Select(t => UtcTime.Iso(t) + "\n")), Encoding.ASCII.GetString(stream.ToArray()));
    }

    [Fact]
    public void Numbers_round_trip_and_repeated_ones_read_the_same()
    {
        double[] values = [0, -0.0, 1, -1.5, 0.1, 1e-300, 123456.78901234567, double.Epsilon, 1.7976931348623157e308, 100000.00000000001];
        var plain = new MemoryStream();
        var repeated = new MemoryStream();
        using (var a = new CsvRowWriter(plain))
        using (var b = new CsvRowWriter(repeated))
            foreach (var v in values.Concat(values.Reverse()).Concat(values).Concat(Enumerable.Range(0, 20_000).Select(k => values[k / 7 % values.Length])))
            {
                a.Number(v); a.EndRow();
                b.RepeatedNumber(v, 3); b.EndRow();
                b.RepeatedNumber(v, 3); b.EndRow();
                a.Number(v); a.EndRow();
            }
        Assert.Equal(Encoding.ASCII.GetString(plain.ToArray()), Encoding.ASCII.GetString(repeated.ToArray()));
        var lines = Encoding.ASCII.GetString(plain.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("0", lines[2]); // −0 is written 0
        var parsed = lines.Where((_, i) => i % 2 == 0).Take(3 * values.Length).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(values.Concat(values.Reverse()).Concat(values).Select(v => v == 0 ? 0 : v), parsed);
        Assert.True(plain.Length > 3 * 65_536, "enough rows to flush the buffer many times, mid-value included");
    }
}
