using Backtest.Core.Research;
using Backtest.Core.Statistics;

namespace Backtest.Lake.Specs;

/// <summary>Loads spec/gates.yaml: every gate named, in range, nothing unknown; each section digested on its own.</summary>
public static class GatesLoader
{
    /// <summary>Repository-relative path of the gates file.</summary>
    public const string Path = "spec/gates.yaml";

    private static readonly string[] Sections = ["discovery", "bridge", "walkforward"];
    private static readonly string[] DiscoveryKeys = ["min_events", "min_ess", "max_q_value", "fdr_method", "min_abs_mean_bps"];
    private static readonly string[] BridgeKeys = ["min_net_edge_bps", "min_net_t", "min_capacity_usd"];
    private static readonly string[] WalkforwardKeys = ["min_dsr", "max_pbo"];

    /// <summary>Parses and validates the gates file.</summary>
    public static GateSettings Load(string root) => Parse(SpecFile.ReadMap(root, Path));

    /// <summary>Validates an already parsed gates mapping.</summary>
    public static GateSettings Parse(SpecMap map)
    {
        map.RejectUnknownKeys(Sections, "section");
        var d = map.RequireMap("discovery");
        d.RejectUnknownKeys(DiscoveryKeys, "gate");
        var b = map.RequireMap("bridge");
        b.RejectUnknownKeys(BridgeKeys, "gate");
        var w = map.RequireMap("walkforward");
        w.RejectUnknownKeys(WalkforwardKeys, "gate");

        var fdrText = d.OptionalScalar("fdr_method");
        var fdr = fdrText?.Text switch
        {
            null => FdrMethod.BenjaminiYekutieli,
            "BY" or "by" => FdrMethod.BenjaminiYekutieli,
            "BH" or "bh" => FdrMethod.BenjaminiHochberg,
            _ => throw fdrText.Error($"fdr_method must be BY (Benjamini–Yekutieli, valid under any dependence) or BH (Benjamini–Hochberg), found '{fdrText.Text}'"),
        };
        return new GateSettings(
            new DiscoveryGates(
                d.RequireInt("min_events", 1, 1_000_000),
                d.RequireDouble("min_ess", 1, 1e9),
                d.RequireDouble("max_q_value", 0, 1, minExclusive: true),
                fdr,
                d.Has("min_abs_mean_bps") ? d.RequireDouble("min_abs_mean_bps", 0, 1e6) : 0),
            new BridgeGates(
                b.RequireDouble("min_net_edge_bps", -1e6, 1e6),
                b.RequireDouble("min_net_t", -1e3, 1e3),
                b.RequireDouble("min_capacity_usd", 0, 1e15)),
            new WalkforwardGates(
                w.RequireDouble("min_dsr", 0, 1),
                w.RequireDouble("max_pbo", 0, 1)));
    }

    /// <summary>Canonical text of one section (sorted keys, invariant numbers): its digest is what a stage's key uses.</summary>
    public static string CanonicalSection(GateSettings g, string section) => section switch
    {
        "discovery" => FormattableString.Invariant(
            $"fdr_method={g.Discovery.FdrMethod};max_q_value={g.Discovery.MaxQValue:R};min_abs_mean_bps={g.Discovery.MinAbsMeanBps:R};min_ess={g.Discovery.MinEss:R};min_events={g.Discovery.MinEvents}"),
        "bridge" => FormattableString.Invariant(
            $"min_capacity_usd={g.Bridge.MinCapacityUsd:R};min_net_edge_bps={g.Bridge.MinNetEdgeBps:R};min_net_t={g.Bridge.MinNetT:R}"),
        "walkforward" => FormattableString.Invariant($"max_pbo={g.Walkforward.MaxPbo:R};min_dsr={g.Walkforward.MinDsr:R}"),
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "unknown gates section"),
    };

}
