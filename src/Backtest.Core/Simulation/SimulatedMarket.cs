using Backtest.Core.Market;

namespace Backtest.Core.Simulation;

/// <summary>
/// What <see cref="MarketSimulator.Simulate"/> returns for one symbol: raw-lake shaped series (klines with
/// quote volume, trades and taker-buy volume; funding settlements on the 00/08/16 UTC grid; open interest
/// every bar) plus every occurrence of every planted effect, in bar order then effect order.
/// </summary>
public sealed record SimulatedMarket(
    KlineSeries Klines,
    FundingSeries Funding,
    OpenInterestSeries OpenInterest,
    IReadOnlyList<PlantedOccurrence> Planted);
