using Backtest.Core.Market;

namespace Backtest.Core.Research;

/// <summary>One hypothesis to test: (symbol, event, horizon in bars, direction), with the claims that asked for it.</summary>
public sealed record PlannedHypothesis(string Symbol, string Event, int Horizon, Direction Direction, string Concept, IReadOnlyList<string> Claims)
{
    /// <summary>Stable identifier, also the cache partition: "BTCUSDT/vol_shock_up/h12/long".</summary>
    public string Id => $"{Symbol}/{Event}/h{Horizon}/{Direction.ToText()}";
}

/// <summary>A candidate the plan did not keep, and why (missing spec, too little data, over budget).</summary>
public sealed record DroppedCandidate(string Candidate, string Claim, string Reason);

/// <summary>What a symbol's cleaned data offers, from bar_prepare_index.json: enough bars? which fields have data?</summary>
public sealed record SymbolData(string Symbol, int Bars, IReadOnlySet<string> FieldsWithData);

/// <summary>The plan: hypotheses in stable order, and the feasibility record of everything dropped.</summary>
public sealed record PlanResult(IReadOnlyList<PlannedHypothesis> Hypotheses, IReadOnlyList<DroppedCandidate> Dropped, int Candidates);

/// <summary>
/// Expands templates over symbols × events × horizons × directions under the claim and run budgets.
/// Deterministic: claims in id order, then symbol, event, horizon, direction (long first); a hypothesis
/// asked for by several claims is tested once (the honest trial count) and lists every claim.
/// </summary>
public static class AtlasPlanner
{
    /// <summary>
    /// Builds the plan. <paramref name="eventFields"/> gives, per event, the bar fields it reads
    /// (through its features), so an event needing open interest is dropped for a symbol without any.
    /// </summary>
    public static PlanResult Plan(
        TemplateSet templates,
        IReadOnlyList<string> symbols,
        IReadOnlyDictionary<string, SymbolData> data,
        IReadOnlyDictionary<string, IReadOnlySet<string>> eventFields,
        PlanSettings settings)
    {
        var dropped = new List<DroppedCandidate>();
        var kept = new Dictionary<string, PlannedHypothesis>(StringComparer.Ordinal);
        var order = new List<string>();
        var runSymbols = symbols.Distinct().Order(StringComparer.Ordinal).ToArray();
        var candidates = 0;

        foreach (var t in templates.Templates)
        {
            var claimSymbols = t.Symbols.Count == 0 ? runSymbols : t.Symbols.Where(s => runSymbols.Contains(s)).ToArray();
            if (!t.Feasible)
            {
                var n = claimSymbols.Length * Math.Max(1, t.Events.Count) * Math.Max(1, t.Horizons.Count) * Math.Max(1, t.Directions.Count);
                candidates += n;
                dropped.Add(new DroppedCandidate($"{t.Claim}: {n} candidates", t.Claim,
                    "missing spec: " + string.Join("; ", t.MissingSpecs.Select(m => $"{m.Kind} '{m.Name}'"))));
                continue;
            }
            var inClaim = 0;
            foreach (var symbol in claimSymbols)
            {
                data.TryGetValue(symbol, out var d);
                foreach (var ev in t.Events)
                foreach (var h in t.Horizons)
                foreach (var dir in t.Directions)
                {
                    candidates++;
                    var candidate = new PlannedHypothesis(symbol, ev, h, dir, t.Concept, [t.Claim]);
                    var reason = Infeasible(symbol, ev, d, eventFields, settings);
                    if (reason is not null) { dropped.Add(new DroppedCandidate(candidate.Id, t.Claim, reason)); continue; }
                    if (t.MaxHypotheses is { } max && inClaim >= max)
                    {
                        dropped.Add(new DroppedCandidate(candidate.Id, t.Claim, $"over budget: claim '{t.Claim}' allows {max} hypotheses"));
                        continue;
                    }
                    inClaim++;
                    if (kept.TryGetValue(candidate.Id, out var existing))
                    {
                        kept[candidate.Id] = existing with { Claims = [.. existing.Claims, t.Claim] };
                        continue;
                    }
                    if (kept.Count >= settings.MaxHypotheses)
                    {
                        dropped.Add(new DroppedCandidate(candidate.Id, t.Claim, $"over budget: the run allows {settings.MaxHypotheses} hypotheses (spec/plan.yaml)"));
                        continue;
                    }
                    kept.Add(candidate.Id, candidate);
                    order.Add(candidate.Id);
                }
            }
        }
        var hypotheses = order.Select(id => kept[id])
            .OrderBy(h => h.Symbol, StringComparer.Ordinal).ThenBy(h => h.Event, StringComparer.Ordinal)
            .ThenBy(h => h.Horizon).ThenByDescending(h => (int)h.Direction).ToArray();
        return new PlanResult(hypotheses, dropped, candidates);
    }

    private static string? Infeasible(string symbol, string ev, SymbolData? data, IReadOnlyDictionary<string, IReadOnlySet<string>> eventFields, PlanSettings settings)
    {
        if (data is null) return $"too little data: no cleaned bars for {symbol}";
        if (data.Bars < settings.MinBars) return $"too little data: {symbol} has {data.Bars} bars, the plan needs {settings.MinBars} (spec/plan.yaml min_bars)";
        if (eventFields.TryGetValue(ev, out var fields))
            foreach (var f in fields.Order(StringComparer.Ordinal))
                if (!data.FieldsWithData.Contains(f))
                    return $"too little data: event '{ev}' reads {f}, which {symbol}'s source does not provide";
        return null;
    }
}
