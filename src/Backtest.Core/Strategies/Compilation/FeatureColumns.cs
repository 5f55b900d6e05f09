using Backtest.Core.Bars;
using Backtest.Core.Features;

namespace Backtest.Core.Strategies.Compilation;

/// <summary>
/// Columns for a compilation when there is no lake to read features from (the `backtest run` command): bar fields
/// straight from the frame, features computed from their specs the first time they are asked for, inputs first
/// (transitively), each exactly once. The walk-forward stage passes lake columns to the compiler instead.
/// Not thread-safe: one instance serves one compilation at a time.
/// </summary>
public sealed class FeatureColumns
{
    private readonly FeatureGraph _graph;
    private readonly BarFrame _bars;
    private readonly Dictionary<string, double[]> _computed = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    private FeatureColumns(FeatureGraph graph, BarFrame bars)
    {
        _graph = graph;
        _bars = bars;
    }

    /// <summary>A provider over <paramref name="bars"/> that computes the features of <paramref name="graph"/> lazily.</summary>
    public static FeatureColumns OnDemand(FeatureGraph graph, BarFrame bars)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(bars);
        return new FeatureColumns(graph, bars);
    }

    /// <summary>The features computed so far, in the order they were computed (inputs before their readers).</summary>
    public IReadOnlyList<string> Computed => _order;

    /// <summary>
    /// The column called <paramref name="name"/>: a bar field, or a feature of the graph (computed now if it was not
    /// yet, with its inputs); null when the name is neither. Pass this method as the compiler's column source.
    /// </summary>
    public double[]? Get(string name)
    {
        if (_bars.Field(name) is { } field) return field;
        if (_computed.TryGetValue(name, out var done)) return done;
        if (!_graph.Contains(name)) return null;
        var values = FeatureComputer.Compute(_graph[name], _bars, Input, _graph.Catalog);
        _computed.Add(name, values);
        _order.Add(name);
        return values;
    }

    // The graph was validated on build: every feature input resolves to a bar field or another feature.
    private double[] Input(string name) =>
        Get(name) ?? throw new InvalidOperationException($"feature input '{name}' is neither a bar field nor a feature of the graph");
}
