using System.Globalization;
using Backtest.Core.Bars;
using Backtest.Core.Time;
using Backtest.Testing;

namespace Backtest.Core.Tests.Features;

/// <summary>Synthetic bar frames, vector files and NaN-aware comparisons shared by the feature tests.</summary>
internal static class FeatureTestData
{
    public static string VectorPath(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "vectors", "features", .. parts]);

    /// <summary>
    /// A random-walk 5m frame: lognormal closes, highs/lows around them, volumes with some zero-volume (filled)
    /// bars, 8h funding settlements (some with a zero rate), open interest with NaN runs when asked.
    /// </summary>
    public static BarFrame RandomBars(int n, ulong seed, bool withNaNRuns = false, double startPrice = 20_000)
    {
        var rng = new TestRandom(seed);
        var ts = new long[n];
        double[] open = new double[n], high = new double[n], low = new double[n], close = new double[n];
        double[] volume = new double[n], quote = new double[n], rate = new double[n], hours = new double[n], oi = new double[n];
        var filled = new bool[n];
        var price = startPrice;
        var interest = 1e5;
        var settlementOffset = rng.NextInt(96);
        for (var i = 0; i < n; i++)
        {
            ts[i] = 1_672_531_500_000L + 300_000L * i;
            var previous = price;
            var isFilled = rng.NextDouble() < 0.03;
            if (!isFilled) price *= Math.Exp(0.002 * rng.NextNormal());
            open[i] = previous;
            close[i] = price;
            var top = Math.Max(previous, price);
            var bottom = Math.Min(previous, price);
            high[i] = isFilled ? price : top * (1 + 0.001 * Math.Abs(rng.NextNormal()));
            low[i] = isFilled ? price : bottom * (1 - 0.001 * Math.Abs(rng.NextNormal()));
            volume[i] = isFilled ? 0 : 50 * Math.Exp(rng.NextNormal());
            quote[i] = volume[i] * price;
            filled[i] = isFilled;
            if ((i + settlementOffset) % 96 == 0)
            {
                hours[i] = 8;
                rate[i] = rng.NextDouble() < 0.2 ? 0.0 : 0.0001 * rng.NextNormal();
            }
            interest *= Math.Exp(0.001 * rng.NextNormal());
            oi[i] = interest;
        }
        if (withNaNRuns)
        {
            for (var run = 0; run < 3 && n > 10; run++)
            {
                var start = rng.NextInt(n);
                var length = 1 + rng.NextInt(Math.Max(1, n / 20));
                for (var i = start; i < Math.Min(n, start + length); i++) oi[i] = double.NaN;
            }
        }
        return new BarFrame("TESTUSDT", new Timeframe(5), ts, open, high, low, close, volume, quote, rate, hours, oi, filled);
    }

    /// <summary>A random series with NaN runs at random places (including, sometimes, the start).</summary>
    public static double[] SeriesWithNaNRuns(int n, ulong seed, int runs)
    {
        var rng = new TestRandom(seed);
        var x = new double[n];
        var level = 100.0;
        for (var i = 0; i < n; i++)
        {
            level += rng.NextNormal();
            x[i] = level;
        }
        for (var r = 0; r < runs && n > 0; r++)
        {
            var start = rng.NextInt(n);
            var length = 1 + rng.NextInt(8);
            for (var i = start; i < Math.Min(n, start + length); i++) x[i] = double.NaN;
        }
        return x;
    }

    /// <summary>A CSV vector file as named columns (doubles; "NaN" allowed).</summary>
    public static Dictionary<string, double[]> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var columns = header.ToDictionary(h => h, _ => new double[lines.Length - 1], StringComparer.Ordinal);
        for (var row = 1; row < lines.Length; row++)
        {
            var cells = lines[row].Split(',');
            if (cells.Length != header.Length) throw new InvalidDataException($"{path}:{row + 1}: {cells.Length} cells, header has {header.Length}");
            for (var c = 0; c < header.Length; c++)
                columns[header[c]][row - 1] = double.Parse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        return columns;
    }

    /// <summary>
    /// Asserts NaN at the same places and |a − e| ≤ max(absolute, relative·|e|) elsewhere, naming the first
    /// differing index and both values.
    /// </summary>
    public static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double relative, double absolute, string label)
    {
        Assert.True(expected.Length == actual.Length, $"{label}: length {actual.Length}, expected {expected.Length}");
        for (var i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            if (double.IsNaN(e) || double.IsNaN(a))
            {
                Assert.True(double.IsNaN(e) && double.IsNaN(a), $"{label}[{i}]: expected {Show(e)}, got {Show(a)}");
                continue;
            }
            var tolerance = Math.Max(absolute, relative * Math.Abs(e));
            Assert.True(Math.Abs(a - e) <= tolerance, $"{label}[{i}]: expected {Show(e)}, got {Show(a)} (|diff| {Math.Abs(a - e):R} > {tolerance:R})");
        }
    }

    /// <summary>Bitwise equality (NaN equals NaN), naming the first differing index.</summary>
    public static void AssertIdentical(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string label)
    {
        Assert.True(expected.Length == actual.Length, $"{label}: length {actual.Length}, expected {expected.Length}");
        for (var i = 0; i < expected.Length; i++)
            Assert.True(BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actual[i]),
                $"{label}[{i}]: expected {Show(expected[i])}, got {Show(actual[i])}");
    }

    public static string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Columns as JSON for python reference scripts (NaN as null).</summary>
    public static string ToJsonArray(ReadOnlySpan<double> x)
    {
        var sb = new System.Text.StringBuilder("[");
        for (var i = 0; i < x.Length; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(double.IsNaN(x[i]) ? "null" : x[i].ToString("R", CultureInfo.InvariantCulture));
        }
        return sb.Append(']').ToString();
    }

    /// <summary>Parses a JSON array of numbers/nulls printed by a python reference script.</summary>
    public static double[] FromJsonArray(System.Text.Json.JsonElement array) =>
        array.EnumerateArray().Select(e => e.ValueKind == System.Text.Json.JsonValueKind.Null ? double.NaN : e.GetDouble()).ToArray();

    /// <summary>The repository root, for spec files.</summary>
    public static string Root => RepoPaths.Root;
}
