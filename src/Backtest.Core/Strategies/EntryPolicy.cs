namespace Backtest.Core.Strategies;

/// <summary>How a triggered entry is executed; a seam for limit or delayed entries later, next-open market orders now.</summary>
public sealed record EntryPolicy(EntryOrder Order = EntryOrder.NextOpen);
