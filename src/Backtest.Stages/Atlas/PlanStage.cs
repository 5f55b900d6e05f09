using System.Globalization;
using System.Text;
using Backtest.Core.Cleaning;
using Backtest.Core.Market;
using Backtest.Core.Research;
using Backtest.Lake.Files;
using Backtest.Lake.Layout;
using Backtest.Lake.Specs;
using Backtest.Lake.Tables;
using Backtest.Stages.Pipeline;
using Backtest.Targets;

namespace Backtest.Stages.Atlas;

/// <summary>
/// Plan: expands the templates over the run's symbols × events × horizons × directions under the budgets
/// of spec/plan.yaml and the claims, writing candidate_plan.jsonl (stable order), plan.json (its hash and
/// counts) and feasibility.md (everything dropped, and why).
/// </summary>
public static class PlanStage
{
    /// <summary>One line of candidate_plan.jsonl.</summary>
    public sealed record PlanLine(string Id, string Symbol, string Event, int Horizon, string Direction, string Concept, IReadOnlyList<string> Claims);

    /// <summary>plan.json: what was planned, from what, with which hash.</summary>
    public sealed record PlanSummary(string PlanHash, int Candidates, int Planned, int Dropped, IReadOnlyList<string> Symbols,
        IReadOnlyDictionary<string, string> Sources, int MaxHypotheses, int MinBars);

    /// <summary>The single Plan action.</summary>
    public static IEnumerable<BuildAction> Actions(PipelineSettings s)
    {
        var specs = ResearchSpecs.Load(s.Root);
        var settings = PlanSpecLoader.Load(s.Root);
        var reports = s.Symbols.ToDictionary(x => x, x => LakeLayout.CleanReportJson(s.Market, x, s.Timeframe), StringComparer.Ordinal);
        var bars = s.Symbols.ToDictionary(x => x, x => LakeLayout.CleanedBars(s.Market, x, s.Timeframe), StringComparer.Ordinal);
        var eventFields = specs.EventFields();
        yield return new BuildAction
        {
            Partition = "all",
            Code = StageCode.Assemblies,
            Parameters = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["symbols"] = string.Join(",", s.Symbols) },
            Specs = [PlanSpecLoader.Path],
            Extra = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["event_fields"] = specs.EventFieldsDigest() },
            Inputs = [LakeLayout.Templates, .. reports.Values, .. bars.Values],
            Outputs = [LakeLayout.CandidatePlan, LakeLayout.PlanSummary, LakeLayout.Feasibility],
            Run = ctx =>
            {
                var templates = TemplatesStage.Read(ctx.InputPath(LakeLayout.Templates));
                var data = new Dictionary<string, SymbolData>(StringComparer.Ordinal);
                var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
                foreach (var symbol in s.Symbols)
                {
                    var r = LakeJson.Read<CleanReport>(ctx.InputPath(reports[symbol]));
                    var fields = new HashSet<string>(["open", "high", "low", "close", "volume", "quote_volume"], StringComparer.Ordinal);
                    if (r.FundingSettlements > 0) fields.Add("funding_rate");
                    if (r.OpenInterestBars > 0) fields.Add("open_interest");
                    data[symbol] = new SymbolData(symbol, r.Bars - r.FilledBars, fields);
                    sources[symbol] = LakeTables.Metadata(ctx.InputPath(bars[symbol])).GetValueOrDefault(LakeMetadata.Source, "");
                }
                var plan = AtlasPlanner.Plan(templates, s.Symbols, data, eventFields, settings);
                var lines = LakeJson.Lines(plan.Hypotheses.Select(h => new PlanLine(h.Id, h.Symbol, h.Event, h.Horizon, h.Direction.ToText(), h.Concept, h.Claims)));
                File.WriteAllText(ctx.OutputPath(LakeLayout.CandidatePlan), lines);
                var summary = new PlanSummary(Hashing.Sha256Hex(lines), plan.Candidates, plan.Hypotheses.Count, plan.Dropped.Count, s.Symbols, sources,
                    settings.MaxHypotheses, settings.MinBars);
                LakeJson.Write(ctx.OutputPath(LakeLayout.PlanSummary), summary);
                File.WriteAllText(ctx.OutputPath(LakeLayout.Feasibility), Feasibility(summary, plan, templates));
                ctx.Info = string.Create(CultureInfo.InvariantCulture, $"{plan.Hypotheses.Count:N0} hypotheses planned of {plan.Candidates:N0} candidates, {plan.Dropped.Count:N0} dropped");
            },
        };
    }

    /// <summary>Reads the plan's hypotheses (stable order).</summary>
    public static IReadOnlyList<PlannedHypothesis> Read(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l =>
        {
            var p = System.Text.Json.JsonSerializer.Deserialize<PlanLine>(l, LakeJson.Line) ?? throw new InvalidDataException($"{path}: empty plan line");
            if (!DirectionNames.TryParse(p.Direction, out var d)) throw new InvalidDataException($"{path}: bad direction '{p.Direction}' in {p.Id}");
            return new PlannedHypothesis(p.Symbol, p.Event, p.Horizon, d, p.Concept, p.Claims);
        }).ToArray();

    private static string Feasibility(PlanSummary summary, PlanResult plan, TemplateSet templates)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        if (summary.Sources.Values.Contains(Sources.Sim)) sb.Append("**SYNTHETIC DATA** (built-in simulator)\n\n");
        sb.Append("# Research plan: feasibility\n\n");
        sb.Append(inv, $"- plan hash: `{summary.PlanHash}`\n");
        sb.Append(inv, $"- symbols: {string.Join(", ", summary.Symbols)}\n");
        sb.Append(inv, $"- candidates: {summary.Candidates:N0}; planned: {summary.Planned:N0}; dropped: {summary.Dropped:N0}\n");
        sb.Append(inv, $"- budgets: {summary.MaxHypotheses:N0} hypotheses per run; a symbol needs {summary.MinBars:N0} observed bars (spec/plan.yaml)\n\n");
        sb.Append("## Claims\n\n| claim | concept | planned | dropped | status |\n|---|---|---|---|---|\n");
        foreach (var t in templates.Templates)
        {
            var planned = plan.Hypotheses.Count(h => h.Claims.Contains(t.Claim));
            var dropped = plan.Dropped.Where(d => d.Claim == t.Claim).ToArray();
            var status = !t.Feasible ? "missing spec: " + string.Join(", ", t.MissingSpecs.Select(m => $"{m.Kind} `{m.Name}`")) : "ok";
            sb.Append(inv, $"| {t.Claim} | {t.Concept} | {planned:N0} | {dropped.Length:N0} | {status} |\n");
        }
        if (plan.Dropped.Count > 0)
        {
            sb.Append("\n## Dropped, by reason\n\n| reason | candidates | examples |\n|---|---|---|\n");
            foreach (var g in plan.Dropped.GroupBy(d => d.Reason).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
                sb.Append(inv, $"| {g.Key} | {g.Count():N0} | {string.Join(", ", g.Take(3).Select(d => d.Candidate))} |\n");
        }
        return sb.ToString();
    }
}
