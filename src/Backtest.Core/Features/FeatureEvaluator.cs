using Backtest.Core.Bars;

namespace Backtest.Core.Features;

/// <summary>
/// How an operator turns its resolved input columns (in <see cref="FeatureInputs"/> order, each of the frame's
/// length) and arguments into the output column. The frame is there for what is not an input column: the
/// timeframe (annualisation) and the funding settlement marker.
/// </summary>
public delegate void FeatureEvaluator(IReadOnlyList<double[]> inputs, FeatureArguments arguments, BarFrame bars, Span<double> output);
