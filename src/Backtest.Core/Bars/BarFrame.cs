using Backtest.Core.Time;

namespace Backtest.Core.Bars;

/// <summary>
/// Cleaned bars of one symbol on a complete timeframe grid, as columns: what features, events, discovery
/// and the engine read. <see cref="Ts"/> is the bar close (int64 ms UTC), strictly increasing by one
/// timeframe. <see cref="FundingRate"/> is the rate settled in (previous close, this close], else 0;
/// <see cref="FundingIntervalHours"/> is the interval that settlement covered (8, 4, 1 …) on settlement bars
/// and 0 elsewhere, so a settlement bar is never confused with a zero rate print.
/// <see cref="OpenInterest"/> is NaN where the source has none.
/// </summary>
public sealed record BarFrame(
    string Symbol,
    Timeframe Timeframe,
    long[] Ts,
    double[] Open,
    double[] High,
    double[] Low,
    double[] Close,
    double[] Volume,
    double[] QuoteVolume,
    double[] FundingRate,
    double[] FundingIntervalHours,
    double[] OpenInterest,
    bool[] IsFilled)
{
    /// <summary>Number of bars.</summary>
    public int Count => Ts.Length;

    /// <summary>True when bar <paramref name="i"/> carries a funding settlement.</summary>
    public bool IsSettlement(int i) => FundingIntervalHours[i] > 0;

    /// <summary>The bar-field columns by the names expressions and feature specs use.</summary>
    public static readonly IReadOnlyList<string> FieldNames =
        ["open", "high", "low", "close", "volume", "quote_volume", "funding_rate", "open_interest"];

    /// <summary>A bar field column by name (see <see cref="FieldNames"/>), or null.</summary>
    public double[]? Field(string name) => name switch
    {
        "open" => Open,
        "high" => High,
        "low" => Low,
        "close" => Close,
        "volume" => Volume,
        "quote_volume" => QuoteVolume,
        "funding_rate" => FundingRate,
        "open_interest" => OpenInterest,
        _ => null,
    };

    /// <summary>A copy of bars [start, start+count): truncation tests and walk-forward windows use it.</summary>
    public BarFrame Slice(int start, int count) => new(
        Symbol, Timeframe,
        Ts.AsSpan(start, count).ToArray(), Open.AsSpan(start, count).ToArray(), High.AsSpan(start, count).ToArray(),
        Low.AsSpan(start, count).ToArray(), Close.AsSpan(start, count).ToArray(), Volume.AsSpan(start, count).ToArray(),
        QuoteVolume.AsSpan(start, count).ToArray(), FundingRate.AsSpan(start, count).ToArray(),
        FundingIntervalHours.AsSpan(start, count).ToArray(),
        OpenInterest.AsSpan(start, count).ToArray(), IsFilled.AsSpan(start, count).ToArray());
}
