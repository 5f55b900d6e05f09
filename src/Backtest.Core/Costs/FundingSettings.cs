namespace Backtest.Core.Costs;

/// <summary>How funding enters P&amp;L; the rates and settlement times themselves are data (BarFrame), never constants.</summary>
public sealed record FundingSettings(FundingTreatment Treatment);
