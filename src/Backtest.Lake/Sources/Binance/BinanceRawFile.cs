using Backtest.Core.Market;
using Backtest.Core.Time;

namespace Backtest.Lake.Sources.Binance;

/// <summary>
/// One recognised raw file: what it holds (market, symbol, dataset, timeframe for klines) and, for Data Vision
/// archives, the period its name states ("2024-01" monthly, "2024-01-15" daily; null for flat files).
/// </summary>
public sealed record BinanceRawFile(
    string Path,
    MarketKind Market,
    string Symbol,
    BinanceDataKind Kind,
    Timeframe? Timeframe,
    string? Period);

/// <summary>A file under the raw folder that the scan did not use, with the reason, so a user can see why data is missing.</summary>
public sealed record IgnoredRawFile(string Path, string Reason);
