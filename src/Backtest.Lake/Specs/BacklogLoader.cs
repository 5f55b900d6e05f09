using Backtest.Core.Research;

namespace Backtest.Lake.Specs;

/// <summary>
/// Loads research claims from spec/backlog/*.yaml (each file: `claims:` list). A claim must name a
/// concept; what it needs may not exist yet (that becomes a spec task, not an error).
/// </summary>
public static class BacklogLoader
{
    /// <summary>The backlog folder.</summary>
    public const string Folder = "spec/backlog";

    private static readonly string[] ClaimKeys = ["id", "claim", "concept", "events", "horizons", "directions", "symbols", "needs", "max_hypotheses"];
    private static readonly string[] NeedsKeys = ["features", "events"];

    /// <summary>Every claim of every backlog file; ids are unique across files.</summary>
    public static IReadOnlyList<BacklogClaim> LoadAll(string root)
    {
        var claims = new List<BacklogClaim>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in SpecFile.List(root, Folder))
        {
            var map = SpecFile.ReadMap(root, file);
            map.RejectUnknownKeys(["claims"]);
            var list = map.Find("claims") as SpecList ?? throw (map.Find("claims") ?? map).Error("a backlog file holds a 'claims:' list");
            foreach (var item in list.Items)
            {
                var claim = ParseClaim(item as SpecMap ?? throw item.Error($"each claim is a mapping, found {item.Describe()}"), file);
                if (seen.TryGetValue(claim.Id, out var other))
                    throw ((SpecMap)item).RequireScalar("id").Error($"duplicate claim id '{claim.Id}' (also in {other})");
                seen.Add(claim.Id, file);
                claims.Add(claim);
            }
        }
        return claims.OrderBy(c => c.Id, StringComparer.Ordinal).ToArray();
    }

    private static BacklogClaim ParseClaim(SpecMap m, string file)
    {
        m.RejectUnknownKeys(ClaimKeys);
        var idNode = m.RequireScalar("id");
        if (!SpecFile.IsIdentifier(idNode.Text)) throw idNode.Error($"a claim id uses lower-case letters, digits and '_' and starts with a letter, found '{idNode.Text}'");
        var statement = m.RequireString("claim");
        if (!m.Has("concept")) throw m.Error($"claim '{idNode.Text}' has no concept: every claim names the concept it tests ('concept: <id>' from spec/concepts)");
        var concept = m.RequireString("concept");
        var needs = m.OptionalMap("needs");
        needs?.RejectUnknownKeys(NeedsKeys);
        int? max = null;
        if (m.OptionalScalar("max_hypotheses") is { } ms)
        {
            max = ms.AsInt();
            if (max < 1) throw ms.Error($"max_hypotheses must be at least 1, found {max}");
        }
        return new BacklogClaim(idNode.Text, statement, concept,
            m.StringList("events").Select(s => s.Text).ToArray(),
            ConceptLoader.ParseHorizons(m, "horizons", required: false),
            ConceptLoader.ParseDirections(m, "directions"),
            m.StringList("symbols").Select(s => s.Text.ToUpperInvariant()).ToArray(),
            needs?.StringList("features").Select(s => s.Text).ToArray() ?? [],
            needs?.StringList("events").Select(s => s.Text).ToArray() ?? [],
            max, file);
    }
}
