using Backtest.Core.Bars;
using Backtest.Core.Events;
using Backtest.Core.Expressions;
using Backtest.Core.Research;
using Backtest.Lake.Specs;
using Backtest.Stages.Pipeline;

namespace Backtest.Stages.Atlas;

/// <summary>
/// The research specs loaded together and cross-checked (features → events → concepts → claims), so every
/// research stage validates the same way and a bad spec fails before anything is written.
/// </summary>
public sealed record ResearchSpecs(
    FeatureSpecSet Features,
    IReadOnlyDictionary<string, (EventDefinition Event, string File)> Events,
    IReadOnlyDictionary<string, (ConceptDefinition Concept, string File)> Concepts,
    IReadOnlyList<BacklogClaim> Claims)
{
    /// <summary>Loads and validates spec/features, spec/events, spec/concepts and spec/backlog.</summary>
    public static ResearchSpecs Load(string root)
    {
        var features = FeatureSpecs.LoadAll(root);
        var names = BarFrame.FieldNames.Concat(features.Graph.Ids).ToHashSet(StringComparer.Ordinal);
        var events = EventLoader.LoadAll(root, names);
        var concepts = ConceptLoader.LoadAll(root, events.Keys.ToHashSet(StringComparer.Ordinal),
            (scalar, _) => EventLoader.ParseExpression(scalar, ExpressionType.Boolean, names), features.Graph.Ids.ToHashSet(StringComparer.Ordinal));
        return new ResearchSpecs(features, events, concepts, BacklogLoader.LoadAll(root));
    }

    /// <summary>Per event, the bar fields it reads directly or through its features (open_interest, funding_rate, …).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> EventFields()
    {
        var result = new SortedDictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var graph = Features.Graph;
        foreach (var (id, (definition, _)) in Events)
        {
            var fields = new SortedSet<string>(StringComparer.Ordinal);
            var names = definition.Identifiers.Concat(definition.Strength?.Identifiers ?? []);
            foreach (var name in names)
            {
                if (!graph.Contains(name)) { fields.Add(name); continue; }
                foreach (var f in graph.TransitiveFeatureInputsOf(name).Append(name))
                    foreach (var input in graph.InputsOf(f))
                        if (!graph.Contains(input)) fields.Add(input);
            }
            result[id] = fields;
        }
        return result;
    }

    /// <summary>Canonical text of <see cref="EventFields"/>: part of the Plan's key.</summary>
    public string EventFieldsDigest() =>
        Hashing.Sha256Hex(string.Join("\n", EventFields().Select(kv => $"{kv.Key}:{string.Join(",", kv.Value)}")));
}
