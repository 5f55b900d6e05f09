using Backtest.Parquet;

namespace Backtest.Benchmarks.Parquet;

/// <summary>
/// The benchmark table: 5-minute bars as the lake stores them (ts int64 ms + open, high, low, close, volume
/// doubles), a deterministic random walk rounded to cents so it compresses like real prices do.
/// </summary>
public static class BarTable
{
    /// <summary>Raw column bytes per row: 6 × 8.</summary>
    public const int BytesPerRow = 48;

    /// <summary>Builds <paramref name="rows"/> bars.</summary>
    public static ParquetTable Create(int rows)
    {
        var ts = new long[rows];
        var open = new double[rows];
        var high = new double[rows];
        var low = new double[rows];
        var close = new double[rows];
        var volume = new double[rows];
        ulong state = 42;
        var price = 30_000.0;
        for (var i = 0; i < rows; i++)
        {
            ts[i] = 1_500_000_000_000L + i * 300_000L;
            var o = price;
            var c = Math.Round(o * (1 + (Uniform(ref state) - 0.5) * 0.004), 2);
            open[i] = o;
            close[i] = c;
            high[i] = Math.Round(Math.Max(o, c) * (1 + Uniform(ref state) * 0.001), 2);
            low[i] = Math.Round(Math.Min(o, c) * (1 - Uniform(ref state) * 0.001), 2);
            volume[i] = Math.Round(Uniform(ref state) * 500, 3);
            price = c;
        }
        return new ParquetTable(
            ParquetColumn.TimestampMillisUtc("ts", ts), ParquetColumn.Double("open", open), ParquetColumn.Double("high", high),
            ParquetColumn.Double("low", low), ParquetColumn.Double("close", close), ParquetColumn.Double("volume", volume));
    }

    private static double Uniform(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
    }
}
