namespace Backtest.Lake.Tables;

/// <summary>
/// Key/value metadata stamped into every lake Parquet file: who produced it, from which normalised spec,
/// under which cost digest, how many rows. Deliberately NOT the action key: the key changes with code and
/// parameters, and stamping it would make identical data differ in bytes, defeating early cutoff.
/// (The action record in data/cache/actions maps each output's sha256 back to its key.)
/// </summary>
public static class LakeMetadata
{
    /// <summary>"Features[BTCUSDT/rv_1h]": the target and partition that wrote the file.</summary>
    public const string Producer = "backtest.producer";
    /// <summary>Digest of the normalised spec the values were computed from.</summary>
    public const string SpecDigest = "backtest.spec_digest";
    /// <summary>Cost digest the artifact is bound to (Bridge and after).</summary>
    public const string CostDigest = "backtest.cost_digest";
    /// <summary>Row count, for readers that only look at metadata.</summary>
    public const string Rows = "backtest.rows";
    /// <summary>Symbol of a per-symbol file.</summary>
    public const string Symbol = "backtest.symbol";
    /// <summary>Timeframe of a bar-aligned file.</summary>
    public const string Timeframe = "backtest.timeframe";
    /// <summary>Where the data came from (sim, binance).</summary>
    public const string Source = "backtest.source";
    /// <summary>Time convention, stated in every file so no reader has to guess.</summary>
    public const string TimeConvention = "backtest.ts";
    /// <summary>The value of <see cref="TimeConvention"/>.</summary>
    public const string TimeConventionText = "int64 ms since the Unix epoch, UTC, bar close";

    /// <summary>A sorted metadata dictionary with the row count and time convention added.</summary>
    public static SortedDictionary<string, string> With(int rows, IReadOnlyDictionary<string, string>? extra)
    {
        var d = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [Rows] = rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [TimeConvention] = TimeConventionText,
        };
        if (extra is not null) foreach (var (k, v) in extra) d[k] = v;
        return d;
    }
}
