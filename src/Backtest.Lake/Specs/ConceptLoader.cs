using Backtest.Core.Research;
using Backtest.Core.Text;

using Backtest.Core.Market;

namespace Backtest.Lake.Specs;

/// <summary>Loads spec/concepts/*.yaml; a concept naming an event that has no spec is an error at that name.</summary>
public static class ConceptLoader
{
    /// <summary>The concepts folder.</summary>
    public const string Folder = "spec/concepts";

    private static readonly string[] Keys = ["description", "events", "directions", "horizons", "policy"];
    private static readonly string[] PolicyKeys = ["stop_loss_atr", "take_profit_atr", "atr", "filter"];

    /// <summary>Every concept by id, validated against the events that exist.</summary>
    public static IReadOnlyDictionary<string, (ConceptDefinition Concept, string File)> LoadAll(string root, IReadOnlySet<string> events,
        Action<SpecScalar, string>? validateFilter = null, IReadOnlySet<string>? features = null)
    {
        var result = new SortedDictionary<string, (ConceptDefinition, string)>(StringComparer.Ordinal);
        foreach (var file in SpecFile.List(root, Folder))
            result.Add(SpecFile.IdOf(file), (Parse(SpecFile.ReadMap(root, file), SpecFile.IdOf(file), events, validateFilter, features), file));
        return result;
    }

    /// <summary>Validates one concept mapping.</summary>
    public static ConceptDefinition Parse(SpecMap map, string id, IReadOnlySet<string> events, Action<SpecScalar, string>? validateFilter = null,
        IReadOnlySet<string>? features = null)
    {
        map.RejectUnknownKeys(Keys);
        var description = map.RequireString("description");
        var eventNodes = map.StringList("events");
        if (eventNodes.Count == 0) throw (map.Find("events") ?? map).Error("a concept must name at least one event in 'events'");
        foreach (var e in eventNodes)
            if (!events.Contains(e.Text))
                throw e.Error(Suggest.Nearest(e.Text, events) is { } near
                    ? $"unknown event '{e.Text}' (did you mean '{near}'?)"
                    : $"unknown event '{e.Text}': no spec/events/{e.Text}.yaml");
        var directions = ParseDirections(map, "directions");
        var horizons = ParseHorizons(map, "horizons", required: true);
        var policy = map.OptionalMap("policy");
        policy?.RejectUnknownKeys(PolicyKeys);
        var stop = PositiveOrNull(policy, "stop_loss_atr");
        var take = PositiveOrNull(policy, "take_profit_atr");
        var atrNode = policy?.OptionalScalar("atr");
        var atr = atrNode?.Text ?? "atr_14";
        if ((stop is not null || take is not null) && features is not null && !features.Contains(atr))
            throw ((SpecNode?)atrNode ?? policy!).Error(atrNode is null
                ? "stops in ATR multiples need an ATR feature: set 'atr: <feature id>' (the default atr_14 has no spec in spec/features)"
                : $"unknown feature '{atr}'{Suggest.Hint(atr, features)}: 'atr' names the ATR feature the stops are measured in");
        var filter = policy?.OptionalScalar("filter");
        if (filter is not null) validateFilter?.Invoke(filter, filter.Text);
        return new ConceptDefinition(id, description, eventNodes.Select(e => e.Text).Distinct().Order(StringComparer.Ordinal).ToArray(),
            directions.Count > 0 ? directions : [Direction.Long, Direction.Short], horizons,
            new ConceptPolicy(stop, take, atr, filter?.Text));
    }

    internal static IReadOnlyList<Direction> ParseDirections(SpecMap map, string key) =>
        map.StringList(key).Select(s => DirectionNames.TryParse(s.Text, out var d)
            ? d : throw s.Error($"a direction is 'long' or 'short', found '{s.Text}'")).Distinct().ToArray();

    internal static IReadOnlyList<int> ParseHorizons(SpecMap map, string key, bool required)
    {
        var nodes = map.List(key);
        if (required && nodes.Count == 0) throw (map.Find(key) ?? map).Error($"'{key}' must list at least one horizon in bars");
        var result = new List<int>();
        foreach (var n in nodes)
        {
            var s = n as SpecScalar ?? throw n.Error($"a horizon is a whole number of bars, found {n.Describe()}");
            var h = s.AsInt();
            if (h < 1 || h > 100_000) throw s.Error($"a horizon must be between 1 and 100000 bars, found {h}");
            result.Add(h);
        }
        return result.Distinct().Order().ToArray();
    }

    private static double? PositiveOrNull(SpecMap? map, string key)
    {
        if (map?.OptionalScalar(key) is not { } s) return null;
        var v = s.AsDouble();
        if (v <= 0) throw s.Error(FormattableString.Invariant($"{key} must be positive (a multiple of ATR), found {v}"));
        return v;
    }
}
