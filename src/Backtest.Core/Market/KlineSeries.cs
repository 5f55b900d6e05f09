namespace Backtest.Core.Market;

/// <summary>
/// Raw candles of one symbol as columns. <see cref="Ts"/> is the bar CLOSE time (open time + timeframe),
/// int64 ms UTC; exchanges key klines by open time, importers shift on ingest.
/// Optional columns are null when the source lacks them.
/// </summary>
public sealed record KlineSeries(
    long[] Ts,
    double[] Open,
    double[] High,
    double[] Low,
    double[] Close,
    double[] Volume,
    double[]? QuoteVolume = null,
    long[]? Trades = null,
    double[]? TakerBuyVolume = null)
{
    /// <summary>Number of candles.</summary>
    public int Count => Ts.Length;
}

/// <summary>Funding settlements of a perpetual: settlement time (ms UTC), rate (0.0001 = 1 bp) and the interval it covers.</summary>
public sealed record FundingSeries(long[] Ts, double[] Rate, double[] IntervalHours)
{
    /// <summary>Number of settlements.</summary>
    public int Count => Ts.Length;
}

/// <summary>Open interest snapshots: time (ms UTC), contracts outstanding and their notional value.</summary>
public sealed record OpenInterestSeries(long[] Ts, double[] OpenInterest, double[] OpenInterestValue)
{
    /// <summary>Number of snapshots.</summary>
    public int Count => Ts.Length;
}
