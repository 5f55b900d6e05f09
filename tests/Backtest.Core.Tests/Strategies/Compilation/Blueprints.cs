using Backtest.Core.Market;
using Backtest.Core.Strategies;
using Backtest.Core.Time;

namespace Backtest.Core.Tests.Strategies.Compilation;

/// <summary>Hand-written blueprints for the compiler tests: BTCUSDT perp 5m, long, one unit unless told otherwise.</summary>
internal static class Blueprints
{
    public static Blueprint Long(string id, Trigger trigger, ExitPolicy exit, Sizing? sizing = null, string timeframe = "5m") =>
        new(id, "BTCUSDT", MarketKind.Perp, Timeframe.Parse(timeframe), trigger, Direction.Long, new EntryPolicy(), exit, sizing ?? new FixedUnitsSizing(1));
}
