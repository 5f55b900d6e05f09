namespace Backtest.Lake.Sources.Binance;

/// <summary>
/// Time-stamped rows with two value columns parsed from one CSV stream: funding (rate, interval hours) and open
/// interest (contracts, notional) share this shape. Runs from several files are merged into one series later.
/// </summary>
internal sealed class SeriesRun(string file)
{
    public string File { get; } = file;
    public int Count { get; set; }
    public long[] Ts = new long[256];
    public double[] First = new double[256];
    public double[] Second = new double[256];

    /// <summary>Appends one row, growing the columns together.</summary>
    public void Add(long ts, double first, double second)
    {
        if (Count == Ts.Length)
        {
            Array.Resize(ref Ts, Count * 2);
            Array.Resize(ref First, Count * 2);
            Array.Resize(ref Second, Count * 2);
        }
        Ts[Count] = ts;
        First[Count] = first;
        Second[Count] = second;
        Count++;
    }
}
