using Backtest.Core.Research;

namespace Backtest.Core.Strategies;

/// <summary>
/// Where a compiled blueprint came from: the hypothesis it trades, the research window it was discovered and
/// validated in, and digests of the specs and data that produced it, so a result can be traced and reproduced.
/// Hand-written blueprints have none.
/// </summary>
public sealed record BlueprintProvenance(string Hypothesis, ResearchWindow Window, string SpecDigest, string DataDigest);
