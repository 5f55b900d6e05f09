namespace Backtest.Cli.Run;

/// <summary>What `backtest run` was asked to do, as typed (paths relative to the current folder).</summary>
/// <param name="Blueprint">The blueprint file (YAML or JSON).</param>
/// <param name="Bars">The bars file (CSV or lake Parquet).</param>
/// <param name="Costs">The cost file, or null for the spec folder's costs.yaml.</param>
/// <param name="Out">The output folder, or null for ./backtest-out/&lt;blueprint id&gt;.</param>
/// <param name="Capital">Starting equity, quote currency.</param>
/// <param name="Spec">The spec folder (features, events), or null for &lt;repository root&gt;/spec.</param>
/// <param name="LeverageCap">Gross leverage cap of the risk allocator (+∞ for none).</param>
public sealed record RunOptions(string Blueprint, string Bars, string? Costs, string? Out, double Capital, string? Spec, double LeverageCap);
