namespace Backtest.Lake.Sources.Binance;

/// <summary>The Data Vision datasets the pipeline imports; the name of each is its folder in the Data Vision tree.</summary>
public enum BinanceDataKind
{
    /// <summary>Candles (`klines/&lt;SYM&gt;/&lt;tf&gt;/&lt;SYM&gt;-&lt;tf&gt;-…`), spot or USDT-M futures.</summary>
    Klines,
    /// <summary>Funding settlements of a USDT-M perpetual (`fundingRate/&lt;SYM&gt;/&lt;SYM&gt;-fundingRate-YYYY-MM`).</summary>
    FundingRate,
    /// <summary>5-minute futures metrics holding open interest (`metrics/&lt;SYM&gt;/&lt;SYM&gt;-metrics-YYYY-MM-DD`).</summary>
    Metrics,
}

/// <summary>Data Vision folder names of <see cref="BinanceDataKind"/>.</summary>
public static class BinanceDataKindNames
{
    /// <summary>"klines", "fundingRate" or "metrics": the dataset segment of a Data Vision path and of its file names.</summary>
    public static string ToDataVisionName(this BinanceDataKind kind) => kind switch
    {
        BinanceDataKind.Klines => "klines",
        BinanceDataKind.FundingRate => "fundingRate",
        BinanceDataKind.Metrics => "metrics",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
