using Backtest.Core.Market;
using Backtest.Core.Time;

namespace Backtest.Lake.Sources.Binance.Download;

/// <summary>
/// What to fetch: one dataset of one symbol over a range of months (inclusive). Klines need a timeframe;
/// fundingRate and metrics exist for USDT-M perps only.
/// </summary>
public sealed record BinanceDownloadRequest(
    MarketKind Market,
    string Symbol,
    BinanceDataKind Kind,
    DataMonth From,
    DataMonth To,
    Timeframe? Timeframe = null);

/// <summary>What to do when Data Vision has no file for a period (HTTP 404), e.g. months before a symbol was listed.</summary>
public enum MissingFilePolicy
{
    /// <summary>Record it in the report and go on; the download still fails when no file of the request exists at all.</summary>
    Skip,
    /// <summary>Fail on the first missing file.</summary>
    Fail,
}

/// <summary>Settings of <see cref="BinanceDownloader"/>; the defaults fetch from Binance's public server.</summary>
public sealed record BinanceDownloaderOptions
{
    /// <summary>Binance's public data file server.</summary>
    public static readonly Uri DefaultBaseUri = new("https://data.binance.vision/");

    /// <summary>Server root under which the data/… tree lives (a mirror or a test server may stand in).</summary>
    public Uri BaseUri { get; init; } = DefaultBaseUri;

    /// <summary>See <see cref="MissingFilePolicy"/>.</summary>
    public MissingFilePolicy Missing { get; init; } = MissingFilePolicy.Skip;

    /// <summary>Extra attempts after a network failure, HTTP 429 or 5xx.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>Wait before retry n is n × this.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Decides "today" (which months are complete) and times retries; tests pin it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
