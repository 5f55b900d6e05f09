namespace Backtest.Lake.Sources.Binance;

/// <summary>
/// Candles parsed from one CSV stream, as growable columns (Ts already shifted to the bar close). The optional
/// columns exist only for the 12-column layout. Runs from several files are merged into one series later.
/// </summary>
internal sealed class KlineRun
{
    public KlineRun(string file, bool extended, int capacity = 4096)
    {
        File = file;
        Extended = extended;
        Ts = new long[capacity];
        Open = new double[capacity];
        High = new double[capacity];
        Low = new double[capacity];
        Close = new double[capacity];
        Volume = new double[capacity];
        if (extended)
        {
            QuoteVolume = new double[capacity];
            Trades = new long[capacity];
            TakerBuyVolume = new double[capacity];
        }
    }

    public string File { get; }
    public bool Extended { get; }
    public int Count { get; set; }
    public long[] Ts;
    public double[] Open;
    public double[] High;
    public double[] Low;
    public double[] Close;
    public double[] Volume;
    public double[]? QuoteVolume;
    public long[]? Trades;
    public double[]? TakerBuyVolume;

    /// <summary>Makes room for one more row, doubling every column together.</summary>
    public void EnsureRoom()
    {
        if (Count < Ts.Length) return;
        var size = Math.Max(16, Ts.Length * 2);
        Array.Resize(ref Ts, size);
        Array.Resize(ref Open, size);
        Array.Resize(ref High, size);
        Array.Resize(ref Low, size);
        Array.Resize(ref Close, size);
        Array.Resize(ref Volume, size);
        if (Extended)
        {
            Array.Resize(ref QuoteVolume, size);
            Array.Resize(ref Trades, size);
            Array.Resize(ref TakerBuyVolume, size);
        }
    }
}
