using Backtest.Core.Features;

namespace Backtest.Lake.Specs;

/// <summary>The validated feature specs: the dependency graph and the file each feature came from.</summary>
public sealed record FeatureSpecSet(FeatureGraph Graph, IReadOnlyDictionary<string, string> Files);

/// <summary>
/// Loads spec/features/*.yaml (id = file name; `op`, `of`, `description`, every other key an operator
/// parameter) and validates them with the operator catalog and the feature graph: unknown operators,
/// missing or bad parameters, undefined inputs and cycles are errors at the line and column concerned.
/// </summary>
public static class FeatureSpecs
{
    /// <summary>The features folder.</summary>
    public const string Folder = "spec/features";

    /// <summary>The ids of the feature specs present (the spec index), without parsing them.</summary>
    public static IReadOnlyList<string> Ids(string root) => SpecFile.List(root, Folder).Select(SpecFile.IdOf).ToArray();

    /// <summary>Parses and validates every feature spec.</summary>
    public static FeatureSpecSet LoadAll(string root)
    {
        var catalog = FeatureOperatorCatalog.Default;
        var maps = new SortedDictionary<string, (SpecMap Map, string File)>(StringComparer.Ordinal);
        var definitions = new List<FeatureDefinition>();
        foreach (var file in SpecFile.List(root, Folder))
        {
            var id = SpecFile.IdOf(file);
            var map = SpecFile.ReadMap(root, file);
            maps[id] = (map, file);
            definitions.Add(Parse(map, id, catalog));
        }
        try
        {
            var graph = FeatureGraph.Build(definitions, catalog);
            return new FeatureSpecSet(graph, maps.ToDictionary(kv => kv.Key, kv => kv.Value.File, StringComparer.Ordinal));
        }
        catch (FeatureReferenceException e) when (maps.ContainsKey(e.FeatureId))
        {
            var map = maps[e.FeatureId].Map;
            var node = map.StringList("of").FirstOrDefault(s => s.Text == e.Reference) ?? (SpecNode?)map.Find("of") ?? map;
            throw node.Error(e.Message);
        }
        catch (FeatureSpecException e) when (maps.ContainsKey(e.FeatureId))
        {
            var map = maps[e.FeatureId].Map;
            throw ((SpecNode?)map.Find(e.Key) ?? map).Error(e.Message);
        }
    }

    /// <summary>Parses one feature mapping and checks it against the operator catalog.</summary>
    public static FeatureDefinition Parse(SpecMap map, string id, FeatureOperatorCatalog catalog)
    {
        var op = map.RequireString("op");
        var of = map.StringList("of").Select(s => s.Text).ToArray();
        var parameters = new List<KeyValuePair<string, double>>();
        foreach (var (key, value) in map.Entries)
        {
            if (FeatureOperatorCatalog.ReservedKeys.Contains(key.Text)) continue;
            var scalar = value as SpecScalar ?? throw value.Error($"'{key.Text}' must be a number, found {value.Describe()}");
            // Unknown operators and keys are reported by the catalog (with what is allowed); only numbers can be parameters.
            if (!catalog.TryGet(op, out var known) || known.Parameters.All(p => p.Name != key.Text))
                parameters.Add(new(key.Text, double.NaN));
            else
                parameters.Add(new(key.Text, scalar.AsDouble()));
        }
        var definition = new FeatureDefinition(id, op, of, parameters, map.OptionalString("description") ?? "");
        var problems = catalog.Check(definition);
        if (problems.Count > 0)
        {
            var p = problems[0];
            SpecNode node = p.Key switch
            {
                "id" => map,
                _ when map.KeyNode(p.Key) is { } keyNode && !IsValueProblem(p, catalog, op) => keyNode,
                _ => (SpecNode?)map.Find(p.Key) ?? map,
            };
            throw node.Error(p.Message);
        }
        return definition;
    }

    // Unknown keys point at the key itself; bad values point at the value.
    private static bool IsValueProblem(FeatureSpecProblem p, FeatureOperatorCatalog catalog, string op) =>
        p.Key is "op" or "of" or "description" || (catalog.TryGet(op, out var o) && o.Parameters.Any(x => x.Name == p.Key));
}
