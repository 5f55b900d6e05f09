using System.Globalization;
using Backtest.Core.Costs;
using Backtest.Core.Engine;
using Backtest.Core.Market;
using Backtest.Core.Research;
using Backtest.Core.Walkforward;
using Backtest.Lake.Files;
using Backtest.Lake.Layout;
using Backtest.Lake.Specs;
using Backtest.Stages.Atlas;
using Backtest.Stages.Discovery;
using Backtest.Stages.Pipeline;
using Backtest.Targets;

namespace Backtest.Stages.Bridge;

/// <summary>
/// Bridge (economic validation): for every hypothesis that passed discovery in a window, the per-trade edge
/// after fees, spread, square-root impact at the intended size and expected funding over the horizon, its
/// HAC t, and capacity; verdicts from gates.yaml's bridge section. Stamped with the cost digest: editing
/// spec/costs.yaml reruns Bridge and what follows, nothing before.
/// </summary>
public static class BridgeStage
{
    /// <summary>One action per window.</summary>
    public static IEnumerable<BuildAction> Actions(PipelineSettings s, IReadOnlyList<ResearchWindow> windows)
    {
        var (costs, costDigest) = CostsLoader.Load(s.Root);
        var gates = GatesLoader.Load(s.Root);
        var sizing = WalkforwardLoader.Load(s.Root);
        var plan = PlanStage.Read(LakeLayout.Absolute(s.Root, LakeLayout.CandidatePlan));
        // Inputs: every event file the plan could pass to Bridge (a superset of what passes: the gating result
        // is not known when actions are enumerated), plus the bars of the plan's symbols.
        var inputs = plan.Select(h => LakeLayout.Event(s.Market, h.Symbol, s.Timeframe, h.Event))
            .Concat(plan.Select(h => LakeLayout.CleanedBars(s.Market, h.Symbol, s.Timeframe)))
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        var sizingDigest = Hashing.Sha256Hex(FormattableString.Invariant($"initial_capital={sizing.InitialCapital:R};risk_budget={sizing.RiskBudget:R}"));
        foreach (var window in windows)
        {
            yield return new BuildAction
            {
                Partition = $"bridge/{window.Id}",
                Code = StageCode.Assemblies,
                SpecDigests = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    [CostsLoader.DefaultPath] = costDigest,
                    [GatesLoader.Path] = Hashing.Sha256Hex(GatesLoader.CanonicalSection(gates, "bridge")),
                    [WalkforwardLoader.Path] = sizingDigest,
                },
                Extra = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["cost_digest"] = costDigest },
                Inputs = [LakeLayout.Hypotheses(window.Id), .. inputs],
                Outputs = [LakeLayout.Validated(window.Id), LakeLayout.BridgeReport(window.Id), LakeLayout.BridgeSummary(window.Id)],
                Run = ctx =>
                {
                    var passed = DiscoveryTable.Read(ctx.InputPath(LakeLayout.Hypotheses(window.Id))).Where(r => r.Passed).OrderBy(r => r.Rank).ToArray();
                    var rows = passed.Select(r => Validate(ctx, s, window, r, new CostModel(costs), gates.Bridge, sizing)).ToArray();
                    var synthetic = s.Synthetic;
                    ValidatedTable.Write(ctx.OutputPath(LakeLayout.Validated(window.Id)), rows, costDigest);
                    File.WriteAllText(ctx.OutputPath(LakeLayout.BridgeReport(window.Id)), BridgeReport.Render(window, rows, gates.Bridge, costDigest, synthetic));
                    LakeJson.Write(ctx.OutputPath(LakeLayout.BridgeSummary(window.Id)), BridgeReport.Summarise(window, rows, costDigest));
                    ctx.Info = string.Create(CultureInfo.InvariantCulture, $"{rows.Count(r => r.Passed)} of {rows.Length} passed after costs");
                },
            };
        }
    }

    private static ValidatedHypothesis Validate(ActionContext ctx, PipelineSettings s, ResearchWindow window, DiscoveryTable.Row h,
        CostModel costs, BridgeGates gates, WalkforwardSettings sizing)
    {
        var barsPath = ctx.InputPath(LakeLayout.CleanedBars(s.Market, h.Symbol, s.Timeframe));
        var frame = LakeMemo.Bars(barsPath);
        var range = WindowRange.Of(frame.Ts, window);
        var liquidity = LakeMemo.Derived(barsPath, "trailing_liquidity", () => new TrailingLiquidity(frame));
        var logClose = LakeMemo.LogClose(barsPath);
        var occurrences = LakeMemo.Events(ctx.InputPath(LakeLayout.Event(s.Market, h.Symbol, s.Timeframe, h.Event))).BarIndex;
        var local = occurrences.Where(i => i >= range.Start && i < range.End).Select(i => i - range.Start).ToArray();
        if (!DirectionNames.TryParse(h.Direction, out var direction)) throw new InvalidDataException($"bad direction '{h.Direction}' in {h.Id}");
        var days = costs.Settings.Impact.WindowDays;
        var liq = new Liquidity[local.Length];
        var notional = new double[local.Length];
        for (var k = 0; k < local.Length; k++)
        {
            liq[k] = liquidity.At(range.Start + local[k], days);
            var annualVol = liq[k].DailyVolatility * Math.Sqrt(365);
            notional[k] = annualVol > 0 ? sizing.RiskBudget * sizing.InitialCapital / annualVol : sizing.RiskBudget * sizing.InitialCapital;
        }
        var carry = Carry(frame, range, s.Market, direction, h.Horizon, costs);
        var r = EconomicValidation.Evaluate(logClose.AsSpan(range.Start, range.Length), local, h.Horizon, direction, h.Symbol, costs, liq, notional, carry);
        GateVerdict[] verdicts =
        [
            GateVerdict.AtLeast("min_net_edge_bps", gates.MinNetEdgeBps, r.NetBps),
            GateVerdict.AtLeast("min_net_t", gates.MinNetT, r.NetT),
            GateVerdict.AtLeast("min_capacity_usd", gates.MinCapacityUsd, r.CapacityUsd),
        ];
        return new ValidatedHypothesis(h, r, verdicts, verdicts.All(v => v.Passed));
    }

    /// <summary>Expected carry over the horizon (bps, paid &gt; 0): funding for perps from the window's settlements; borrow for spot shorts.</summary>
    private static double Carry(Core.Bars.BarFrame frame, WindowRange range, MarketKind market, Direction direction, int horizon, CostModel costs)
    {
        if (market == MarketKind.Spot) return direction == Direction.Short ? costs.ExpectedBorrowBps(frame.Timeframe, horizon) : 0;
        double sum = 0;
        var settlements = 0;
        for (var i = range.Start; i < range.End; i++)
            if (frame.IsSettlement(i)) { sum += frame.FundingRate[i]; settlements++; }
        if (settlements == 0 || range.Length == 0) return 0;
        return costs.ExpectedFundingBps(direction, sum / settlements, (double)settlements / range.Length, horizon);
    }

}
