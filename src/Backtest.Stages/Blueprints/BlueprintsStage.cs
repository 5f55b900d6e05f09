using System.Globalization;
using Backtest.Core.Market;
using Backtest.Core.Research;
using Backtest.Core.Strategies;
using Backtest.Lake.Files;
using Backtest.Lake.Layout;
using Backtest.Lake.Specs;
using Backtest.Stages.Atlas;
using Backtest.Stages.Bridge;
using Backtest.Stages.Events;
using Backtest.Stages.Pipeline;
using Backtest.Targets;

namespace Backtest.Stages.Blueprints;

/// <summary>
/// Blueprints: compiles each window's hypotheses that passed Bridge into typed blueprints with the concept's
/// policy (time stop at the horizon, optional ATR stops, filter), risk-budget sizing from spec/walkforward.yaml,
/// provenance (hypothesis, window, spec and data digests) and the cost digest they were validated under.
/// Writes one JSON per blueprint and blueprints.json (all of them: what Walkforward reads).
/// </summary>
public static class BlueprintsStage
{
    /// <summary>File listing a window's blueprints (the machine-readable input of Walkforward).</summary>
    public static string Index(string window) => $"{LakeLayout.Blueprints(window)}/blueprints.json";

    /// <summary>One action per window.</summary>
    public static IEnumerable<BuildAction> Actions(PipelineSettings s, IReadOnlyList<ResearchWindow> windows)
    {
        var specs = ResearchSpecs.Load(s.Root);
        var (_, costDigest) = CostsLoader.Load(s.Root);
        var sizing = WalkforwardLoader.Load(s.Root);
        var conceptDigests = specs.Concepts.ToDictionary(kv => kv.Value.File, kv => Hashing.Sha256Hex(CanonicalPolicy(kv.Value.Concept)), StringComparer.Ordinal);
        var eventDigests = specs.Events.ToDictionary(kv => kv.Key, kv => EventsStage.Digest(kv.Value.Event), StringComparer.Ordinal);
        var bars = s.Symbols.Select(x => LakeLayout.CleanedBars(s.Market, x, s.Timeframe)).ToArray();
        foreach (var window in windows)
        {
            var digests = new SortedDictionary<string, string>(conceptDigests, StringComparer.Ordinal)
            {
                [WalkforwardLoader.Path] = Hashing.Sha256Hex(FormattableString.Invariant($"risk_budget={sizing.RiskBudget:R}")),
            };
            foreach (var (id, (_, file)) in specs.Events) digests[file] = eventDigests[id];
            yield return new BuildAction
            {
                Partition = $"compile/{window.Id}",
                Code = StageCode.Assemblies,
                SpecDigests = digests,
                Extra = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["cost_digest"] = costDigest },
                Inputs = [LakeLayout.Validated(window.Id), .. bars],
                OwnedFolders = [LakeLayout.Blueprints(window.Id)],
                Outputs = [Index(window.Id)],
                Run = ctx =>
                {
                    var validated = ValidatedTable.Read(ctx.InputPath(LakeLayout.Validated(window.Id))).Where(r => r.Passed).ToArray();
                    var compiled = new List<Blueprint>();
                    foreach (var v in validated)
                    {
                        if (v.CostDigest != costDigest)
                            throw new CostDigestMismatchException(v.Id, v.CostDigest, costDigest);
                        var concept = specs.Concepts[v.Concept].Concept;
                        var dataDigest = LakeMemo.Derived(ctx.InputPath(LakeLayout.CleanedBars(s.Market, v.Symbol, s.Timeframe)), "sha256",
                            () => new[] { Hashing.FileSha256Hex(ctx.InputPath(LakeLayout.CleanedBars(s.Market, v.Symbol, s.Timeframe))) })[0];
                        var blueprint = Compile(v, concept, window, s, sizing.RiskBudget, costDigest,
                            Hashing.Sha256Hex($"{eventDigests[v.Event]}|{CanonicalPolicy(concept)}"), dataDigest);
                        BlueprintValidator.EnsureValid(blueprint);
                        File.WriteAllText(ctx.OutputPath($"{LakeLayout.Blueprints(window.Id)}/{blueprint.Id}.json"), BlueprintJson.Serialize(blueprint));
                        compiled.Add(blueprint);
                    }
                    File.WriteAllText(ctx.OutputPath(Index(window.Id)), BlueprintSet.Serialize(compiled));
                    ctx.Info = string.Create(CultureInfo.InvariantCulture, $"{compiled.Count} blueprints");
                },
            };
        }
    }

    /// <summary>A validated hypothesis compiled with its concept's policy.</summary>
    public static Blueprint Compile(ValidatedTable.Row v, ConceptDefinition concept, ResearchWindow window, PipelineSettings s,
        double riskBudget, string costDigest, string specDigest, string dataDigest)
    {
        if (!DirectionNames.TryParse(v.Direction, out var direction)) throw new InvalidDataException($"bad direction '{v.Direction}' in {v.Id}");
        var p = concept.Policy;
        var id = $"{v.Symbol}_{v.Event}_h{v.Horizon}_{v.Direction}_{window.Id}".ToLowerInvariant();
        return new Blueprint(id, v.Symbol, s.Market, s.Timeframe,
            new Trigger(Event: v.Event, Filter: p.Filter),
            direction,
            new EntryPolicy(),
            new ExitPolicy(TimeStopBars: v.Horizon, StopLossAtr: p.StopLossAtr, TakeProfitAtr: p.TakeProfitAtr,
                Atr: p.StopLossAtr is null && p.TakeProfitAtr is null ? null : p.Atr),
            new RiskBudgetSizing(riskBudget),
            new BlueprintProvenance(v.Id, window, specDigest, dataDigest),
            costDigest);
    }

    /// <summary>What of a concept decides its blueprints (not its description or horizons list).</summary>
    public static string CanonicalPolicy(ConceptDefinition c) => FormattableString.Invariant(
        $"stop_loss_atr={c.Policy.StopLossAtr:R};take_profit_atr={c.Policy.TakeProfitAtr:R};atr={c.Policy.Atr};filter={c.Policy.Filter}");
}

/// <summary>blueprints.json: a window's compiled blueprints as one JSON array (same dialect as single blueprint files).</summary>
public static class BlueprintSet
{
    /// <summary>Serialises blueprints in order.</summary>
    public static string Serialize(IReadOnlyList<Blueprint> blueprints) =>
        "[\n" + string.Join(",\n", blueprints.Select(b => BlueprintJson.Serialize(b).TrimEnd('\n'))) + (blueprints.Count > 0 ? "\n" : "") + "]\n";

    /// <summary>Reads a blueprints.json back (each validated).</summary>
    public static IReadOnlyList<Blueprint> Read(string path)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().Select(e => BlueprintJson.Load(e.GetRawText())).ToArray();
    }
}
