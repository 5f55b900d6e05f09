using Backtest.Core.Bars;
using Backtest.Core.Events;
using Backtest.Core.Features;
using Backtest.Lake.Specs;

namespace Backtest.Cli.Run;

/// <summary>
/// The features and events a hand-run blueprint may use, read from a spec folder (validated like the pipeline
/// reads them). The folder must be called spec: the loaders read spec/features and spec/events under its parent,
/// and name files that way in messages. Without a spec folder only bar fields exist.
/// </summary>
public sealed class SpecCatalog
{
    private readonly string? _root;

    private SpecCatalog(string? root, FeatureGraph graph, IReadOnlySet<string> eventIds)
    {
        _root = root;
        Features = graph;
        EventIds = eventIds;
        var names = new HashSet<string>(BarFrame.FieldNames, StringComparer.Ordinal);
        names.UnionWith(graph.Ids);
        KnownNames = names;
    }

    /// <summary>The feature specs as a graph (empty without a spec folder).</summary>
    public FeatureGraph Features { get; }

    /// <summary>Bar fields and feature ids: what expressions may read.</summary>
    public IReadOnlySet<string> KnownNames { get; }

    /// <summary>The event ids that have specs.</summary>
    public IReadOnlySet<string> EventIds { get; }

    /// <summary>The folder holding spec/ (null without one).</summary>
    public string? Root => _root;

    /// <summary>Bar fields only: for runs outside a repository without --spec.</summary>
    public static SpecCatalog Empty() => new(null, FeatureGraph.Build([]), new HashSet<string>(StringComparer.Ordinal));

    /// <summary>Loads the feature specs and lists the event specs of <paramref name="specFolder"/>.</summary>
    public static SpecCatalog Load(string specFolder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(specFolder));
        if (!Directory.Exists(full)) throw new RunInputException($"the spec folder {specFolder} does not exist");
        if (!string.Equals(Path.GetFileName(full), "spec", StringComparison.Ordinal))
            throw new RunInputException($"--spec {specFolder}: the spec folder must be called spec (its features/ and events/ are read as spec/features and spec/events under its parent)");
        var root = Path.GetDirectoryName(full)!;
        var graph = FeatureSpecs.LoadAll(root).Graph;
        var events = EventLoader.Ids(root).ToHashSet(StringComparer.Ordinal);
        return new SpecCatalog(root, graph, events);
    }

    /// <summary>The definitions of <paramref name="ids"/>, each parsed and checked from its spec file.</summary>
    public IReadOnlyDictionary<string, EventDefinition> LoadEvents(IEnumerable<string> ids)
    {
        var result = new SortedDictionary<string, EventDefinition>(StringComparer.Ordinal);
        if (_root is null) return result;
        var files = SpecFile.List(_root, EventLoader.Folder).ToDictionary(SpecFile.IdOf, f => f, StringComparer.Ordinal);
        foreach (var id in ids)
            if (files.TryGetValue(id, out var file))
                result[id] = EventLoader.Parse(SpecFile.ReadMap(_root, file), id, KnownNames);
        return result;
    }
}
