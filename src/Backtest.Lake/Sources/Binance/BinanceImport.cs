using Backtest.Core.Market;

namespace Backtest.Lake.Sources.Binance;

/// <summary>Everything a raw folder holds for one symbol: klines, plus funding and open interest when the folder has them (never for spot).</summary>
public sealed record BinanceImport(KlineSeries Klines, FundingSeries? Funding, OpenInterestSeries? OpenInterest);
