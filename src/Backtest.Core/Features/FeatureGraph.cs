using Backtest.Core.Text;
using Backtest.Core.Bars;

namespace Backtest.Core.Features;

/// <summary>
/// The feature specs as a dependency graph: which bar fields and features each one reads, a deterministic
/// computation order, and for each feature the transitive set of features it reads, so the Features stage can run
/// one action per (symbol, feature) whose key covers exactly what it depends on — editing one spec reruns that
/// feature and the features built on it, nothing else.
/// </summary>
public sealed class FeatureGraph
{
    private readonly SortedDictionary<string, FeatureDefinition> _definitions;
    private readonly Dictionary<string, IReadOnlyList<string>> _inputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _featureInputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _transitive = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _dependents = new(StringComparer.Ordinal);

    private FeatureGraph(SortedDictionary<string, FeatureDefinition> definitions, FeatureOperatorCatalog catalog)
    {
        _definitions = definitions;
        Catalog = catalog;
    }

    /// <summary>The catalog the definitions were validated against.</summary>
    public FeatureOperatorCatalog Catalog { get; }

    /// <summary>
    /// Feature ids in computation order: every feature after the features it reads; among features whose inputs are
    /// ready, the smallest id (ordinal) first, so the order depends only on the specs.
    /// </summary>
    public IReadOnlyList<string> Order { get; private set; } = [];

    /// <summary>All feature ids, sorted (ordinal).</summary>
    public IReadOnlyList<string> Ids => [.. _definitions.Keys];

    /// <summary>The definition of feature <paramref name="id"/>.</summary>
    public FeatureDefinition this[string id] => _definitions.TryGetValue(id, out var d) ? d : throw UnknownFeature(id);

    /// <summary>True when <paramref name="id"/> is a defined feature.</summary>
    public bool Contains(string id) => _definitions.ContainsKey(id);

    /// <summary>What the feature reads, in its operator's input order: bar fields and feature ids.</summary>
    public IReadOnlyList<string> InputsOf(string id) => _inputs.TryGetValue(id, out var v) ? v : throw UnknownFeature(id);

    /// <summary>The features it reads directly, sorted.</summary>
    public IReadOnlyList<string> FeatureInputsOf(string id) => _featureInputs.TryGetValue(id, out var v) ? v : throw UnknownFeature(id);

    /// <summary>Every feature it reads, directly or through other features, sorted: the upstream part of its action key.</summary>
    public IReadOnlyList<string> TransitiveFeatureInputsOf(string id) => _transitive.TryGetValue(id, out var v) ? v : throw UnknownFeature(id);

    /// <summary>Every feature that reads it, directly or through others, sorted: what an edit of its spec reruns.</summary>
    public IReadOnlyList<string> DependentsOf(string id) => _dependents.TryGetValue(id, out var v) ? v : throw UnknownFeature(id);

    /// <summary>
    /// Validates every definition against <paramref name="catalog"/>, resolves every input to a bar field or a
    /// feature, and orders them. Throws <see cref="FeatureDefinitionException"/> for a bad or duplicate spec,
    /// <see cref="FeatureReferenceException"/> for an input that is neither a bar field nor a feature, and
    /// <see cref="FeatureCycleException"/> naming the features of a cycle (checked in id order, so the same specs
    /// always report the same error first).
    /// </summary>
    public static FeatureGraph Build(IEnumerable<FeatureDefinition> definitions, FeatureOperatorCatalog? catalog = null)
    {
        catalog ??= FeatureOperatorCatalog.Default;
        var byId = new SortedDictionary<string, FeatureDefinition>(StringComparer.Ordinal);
        foreach (var definition in definitions)
            if (!byId.TryAdd(definition.Id, definition))
                throw new FeatureDefinitionException(definition.Id, "id", $"feature '{definition.Id}' is defined twice; ids are spec file names and must be unique");

        foreach (var definition in byId.Values) catalog.Validate(definition);

        var graph = new FeatureGraph(byId, catalog);
        foreach (var (id, definition) in byId)
        {
            var inputs = catalog.InputsOf(definition);
            var features = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var input in inputs)
            {
                if (BarFrame.FieldNames.Contains(input)) continue;
                if (!byId.ContainsKey(input))
                    throw new FeatureReferenceException(id, input,
                        $"feature '{id}' reads '{input}', which is neither a bar field ({string.Join(", ", BarFrame.FieldNames)}) nor a defined feature"
                        + Suggest.Hint(input, BarFrame.FieldNames.Concat(byId.Keys)));
                features.Add(input);
            }
            graph._inputs[id] = inputs;
            graph._featureInputs[id] = [.. features];
        }

        graph.Order = graph.TopologicalOrder();
        graph.ComputeClosures();
        return graph;
    }

    private List<string> TopologicalOrder()
    {
        // Kahn's algorithm with the ready set kept sorted: deterministic and independent of input order.
        var pending = new Dictionary<string, int>(StringComparer.Ordinal);
        var readers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var id in _definitions.Keys)
        {
            pending[id] = _featureInputs[id].Count;
            readers[id] = [];
        }
        foreach (var id in _definitions.Keys)
            foreach (var input in _featureInputs[id])
                readers[input].Add(id);

        var ready = new SortedSet<string>(_definitions.Keys.Where(id => pending[id] == 0), StringComparer.Ordinal);
        var order = new List<string>(_definitions.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            order.Add(next);
            foreach (var reader in readers[next])
                if (--pending[reader] == 0) ready.Add(reader);
        }
        if (order.Count < _definitions.Count) throw new FeatureCycleException(FindCycle(pending));
        return order;
    }

    private List<string> FindCycle(Dictionary<string, int> pending)
    {
        // Every unresolved feature reads at least one unresolved feature, so walking "smallest unresolved input"
        // from any of them must revisit a feature: that loop is a cycle.
        var stuck = new SortedSet<string>(pending.Where(p => p.Value > 0).Select(p => p.Key), StringComparer.Ordinal);
        var path = new List<string>();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        var current = stuck.Min!;
        while (!position.ContainsKey(current))
        {
            position[current] = path.Count;
            path.Add(current);
            current = _featureInputs[current].First(stuck.Contains);
        }
        var cycle = path.GetRange(position[current], path.Count - position[current]);
        // Rotate to start at the smallest id, and follow reading order (a reads b: a → b).
        var start = cycle.IndexOf(cycle.Min(StringComparer.Ordinal)!);
        var rotated = cycle.Skip(start).Concat(cycle.Take(start)).ToList();
        rotated.Add(rotated[0]);
        return rotated;
    }

    private void ComputeClosures()
    {
        var upstream = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var id in Order)
        {
            var set = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var input in _featureInputs[id])
            {
                set.Add(input);
                set.UnionWith(upstream[input]);
            }
            upstream[id] = set;
            _transitive[id] = [.. set];
        }
        var downstream = _definitions.Keys.ToDictionary(id => id, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (id, set) in upstream)
            foreach (var input in set)
                downstream[input].Add(id);
        foreach (var (id, set) in downstream) _dependents[id] = [.. set];
    }

    private static ArgumentException UnknownFeature(string id) => new($"'{id}' is not a feature of this graph", nameof(id));
}
