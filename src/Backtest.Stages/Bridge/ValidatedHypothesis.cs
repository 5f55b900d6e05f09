using Backtest.Core.Research;
using Backtest.Stages.Discovery;

namespace Backtest.Stages.Bridge;

/// <summary>A discovery survivor priced after costs, with each bridge gate's verdict.</summary>
public sealed record ValidatedHypothesis(DiscoveryTable.Row Hypothesis, EconomicResult Economics, IReadOnlyList<GateVerdict> Gates, bool Passed);
