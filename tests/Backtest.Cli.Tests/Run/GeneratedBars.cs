using System.Globalization;
using System.Text;

namespace Backtest.Cli.Tests.Run;

/// <summary>
/// A deterministic 5m bars CSV for end-to-end runs: a geometric random walk (SplitMix64 draws) with an upward jump
/// every 250 bars (so volatility-shock events fire) and two gaps (so forward-filling shows), times as ISO-8601 opens.
/// </summary>
internal static class GeneratedBars
{
    public const long FirstOpen = 1_704_067_200_000; // 2024-01-01 00:00 UTC

    /// <summary>Rows skipped to make gaps.</summary>
    public static readonly int[] Missing = [1000, 1001, 1002, 4000];

    public static void Write(string path, int rows, ulong seed)
    {
        var rng = new SplitMix64(seed);
        var text = new StringBuilder("datetime,open,high,low,close,volume\n");
        var price = 42_000.0;
        for (var i = 0; i < rows; i++)
        {
            var open = price;
            var r = 0.002 * rng.NextGaussian() + (i % 250 == 249 ? 0.015 : 0);
            var close = open * Math.Exp(r);
            var high = Math.Max(open, close) * (1 + 0.0008 * Math.Abs(rng.NextGaussian()));
            var low = Math.Min(open, close) * (1 - 0.0008 * Math.Abs(rng.NextGaussian()));
            var volume = 80 + 60 * rng.NextDouble();
            price = close;
            if (Array.IndexOf(Missing, i) >= 0) continue;
            var time = DateTimeOffset.FromUnixTimeMilliseconds(FirstOpen + i * 300_000L).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{time},{open:F2},{high:F2},{low:F2},{close:F2},{volume:F3}\n");
        }
        File.WriteAllText(path, text.ToString());
    }
}

/// <summary>SplitMix64 (Steele, Lea, Flood 2014): test data that never depends on System.Random's algorithm.</summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;
    private double? _spare;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    public double NextGaussian()
    {
        if (_spare is { } s) { _spare = null; return s; }
        double u, v, q;
        do { u = 2 * NextDouble() - 1; v = 2 * NextDouble() - 1; q = u * u + v * v; } while (q >= 1 || q == 0);
        var f = Math.Sqrt(-2 * Math.Log(q) / q);
        _spare = v * f;
        return u * f;
    }
}
