using Backtest.Core.Market;

namespace Backtest.Core.Research;

/// <summary>A claim made concrete: the events, horizons, directions and symbols it will test, or the specs it still lacks.</summary>
public sealed record Template(
    string Claim,
    string Statement,
    string Concept,
    IReadOnlyList<string> Events,
    IReadOnlyList<int> Horizons,
    IReadOnlyList<Direction> Directions,
    IReadOnlyList<string> Symbols,
    int? MaxHypotheses,
    IReadOnlyList<SpecTask> MissingSpecs)
{
    /// <summary>A template is testable only when every spec it needs exists.</summary>
    public bool Feasible => MissingSpecs.Count == 0;
}

/// <summary>A spec a claim needs that does not exist yet: work for a researcher, listed in spec_tasks.parquet.</summary>
public sealed record SpecTask(string Kind, string Name, string Claim, string Reason);

/// <summary>Templates of every claim (sorted by claim id) and the spec tasks they raise (sorted).</summary>
public sealed record TemplateSet(IReadOnlyList<Template> Templates, IReadOnlyList<SpecTask> Tasks);

/// <summary>Turns backlog claims into templates, against the specs that exist (the spec index).</summary>
public static class AtlasTemplates
{
    /// <summary>Resolves each claim against the concepts, events and features that exist.</summary>
    public static TemplateSet Build(
        IReadOnlyList<BacklogClaim> claims,
        IReadOnlyDictionary<string, ConceptDefinition> concepts,
        IReadOnlySet<string> events,
        IReadOnlySet<string> features)
    {
        var templates = new List<Template>();
        var tasks = new List<SpecTask>();
        foreach (var claim in claims.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            var missing = new List<SpecTask>();
            concepts.TryGetValue(claim.Concept, out var concept);
            if (concept is null)
                missing.Add(new SpecTask("concept", claim.Concept, claim.Id, $"claim '{claim.Id}' tests concept '{claim.Concept}', which has no spec in spec/concepts"));

            var eventIds = claim.Events.Count > 0 ? claim.Events : concept?.Events ?? [];
            foreach (var e in eventIds.Concat(claim.NeedsEvents).Distinct().Order(StringComparer.Ordinal))
                if (!events.Contains(e))
                    missing.Add(new SpecTask("event", e, claim.Id, $"claim '{claim.Id}' needs event '{e}', which has no spec in spec/events"));
            foreach (var f in claim.NeedsFeatures.Distinct().Order(StringComparer.Ordinal))
                if (!features.Contains(f))
                    missing.Add(new SpecTask("feature", f, claim.Id, $"claim '{claim.Id}' needs feature '{f}', which has no spec in spec/features"));

            var horizons = (claim.Horizons.Count > 0 ? claim.Horizons : concept?.Horizons ?? []).Distinct().Order().ToArray();
            var directions = (claim.Directions.Count > 0 ? claim.Directions : concept?.Directions ?? [Direction.Long, Direction.Short])
                .Distinct().OrderByDescending(d => (int)d).ToArray();
            templates.Add(new Template(claim.Id, claim.Statement, claim.Concept,
                eventIds.Distinct().Order(StringComparer.Ordinal).ToArray(), horizons, directions,
                claim.Symbols.Distinct().Order(StringComparer.Ordinal).ToArray(), claim.MaxHypotheses, missing));
            tasks.AddRange(missing);
        }
        return new TemplateSet(templates, tasks);
    }
}
