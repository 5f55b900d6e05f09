using Backtest.Testing;
using System.Globalization;
using System.Text;

namespace Backtest.Cli.Tests.Run;

/// <summary>
/// A deterministic 5m bars CSV for end-to-end runs: a geometric random walk (TestRandom draws) with an upward jump
/// every 250 bars (so volatility-shock events fire) and two gaps (so forward-filling shows), times as ISO-8601 opens.
/// </summary>
internal static class GeneratedBars
{
    public const long FirstOpen = 1_704_067_200_000; // 2024-01-01 00:00 UTC

    /// <summary>Rows skipped to make gaps.</summary>
    public static readonly int[] Missing = [1000, 1001, 1002, 4000];

    public static void Write(string path, int rows, ulong seed)
    {
        var rng = new TestRandom(seed);
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
