using Backtest.Core.Costs;
using Backtest.Core.Engine;
using Backtest.Core.Market;
using Backtest.Core.Strategies;

namespace Backtest.Core.Tests.Engine;

/// <summary>Strategies and model families the kernel tests share.</summary>
internal static class KernelFixtures
{
    public static CostSettings CostFile(double takerBps = 0, double halfSpreadBps = 0, ImpactModelKind impact = ImpactModelKind.None, double y = 0.7,
        double? cap = null, FundingTreatment funding = FundingTreatment.Settle, double borrow = 0, int windowDays = 1) =>
        new(new FeeSettings(takerBps / 2, takerBps), halfSpreadBps, new ImpactSettings(impact, y, new Dictionary<string, double>(), windowDays), cap,
            new FundingSettings(funding), new BorrowSettings(borrow));

    public static ResearchKernel Kernel(CostSettings? costs = null, double capital = 1_000_000, double leverageCap = double.PositiveInfinity) =>
        new(EngineModels.FromCosts(costs ?? CostFile(), leverageCap), capital);

    public static Strategy Strategy(bool[] entry, bool[]? exit = null, int? timeStop = null, double? stopLoss = null, double? takeProfit = null,
        double[]? atr = null, Direction direction = Direction.Long, MarketKind market = MarketKind.Perp, Sizing? sizing = null,
        string symbol = "BTCUSDT", string id = "test") =>
        new(id, symbol, market, direction, entry, exit, new ExitRules(timeStop, stopLoss, takeProfit), atr, sizing ?? new FixedUnitsSizing(1));

    public static double[] Ramp(int n, double start, double step) => Enumerable.Range(0, n).Select(i => start + step * i).ToArray();
}
