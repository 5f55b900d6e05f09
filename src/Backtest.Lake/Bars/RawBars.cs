namespace Backtest.Lake.Bars;

/// <summary>Bars as read from a file, before alignment: open times, prices, volumes, and each row's line for messages.</summary>
internal sealed class RawBars(int capacity, bool hasQuote, string timeField)
{
    /// <summary>The header's name of the time column, for messages.</summary>
    public readonly string TimeField = timeField;
    public long[] OpenTime = new long[capacity];
    public long[] Line = new long[capacity];
    public double[] Open = new double[capacity];
    public double[] High = new double[capacity];
    public double[] Low = new double[capacity];
    public double[] Close = new double[capacity];
    public double[] Volume = new double[capacity];
    public double[]? QuoteVolume = hasQuote ? new double[capacity] : null;
    public int Count;

    /// <summary>Doubles every column when full (the capacity estimate from the file size is usually right).</summary>
    public void EnsureRoom()
    {
        if (Count < OpenTime.Length) return;
        var size = checked(OpenTime.Length * 2);
        Array.Resize(ref OpenTime, size);
        Array.Resize(ref Line, size);
        Array.Resize(ref Open, size);
        Array.Resize(ref High, size);
        Array.Resize(ref Low, size);
        Array.Resize(ref Close, size);
        Array.Resize(ref Volume, size);
        if (QuoteVolume is not null) Array.Resize(ref QuoteVolume, size);
    }
}
