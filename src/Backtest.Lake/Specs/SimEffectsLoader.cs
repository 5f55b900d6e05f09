using Backtest.Core.Simulation;

namespace Backtest.Lake.Specs;

/// <summary>Loads a simulator effects file (docs/simulator.md): the known truth planted into synthetic markets.</summary>
public static class SimEffectsLoader
{
    private static readonly string[] EffectKeys = ["id", "symbols", "trigger", "threshold", "drift_bps", "horizon_bars"];

    /// <summary>Parses the effects file at a root-relative (or absolute) path.</summary>
    public static IReadOnlyList<PlantedEffect> Load(string root, string path)
    {
        var map = SpecFile.ReadMap(root, path);
        map.RejectUnknownKeys(["effects"]);
        var effects = new List<PlantedEffect>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in map.List("effects"))
        {
            var m = item as SpecMap ?? throw item.Error($"each effect is a mapping, found {item.Describe()}");
            m.RejectUnknownKeys(EffectKeys);
            var id = m.RequireScalar("id");
            if (!ids.Add(id.Text)) throw id.Error($"duplicate effect id '{id.Text}'");
            var triggerNode = m.RequireScalar("trigger");
            if (!EffectTriggerNames.TryParse(triggerNode.Text, out var trigger))
                throw triggerNode.Error($"unknown trigger '{triggerNode.Text}' (expected one of: jump_up, jump_down, funding_above, funding_below, volume_spike, every)");
            double threshold = 0;
            if (trigger.UsesThreshold()) threshold = m.RequireScalar("threshold").AsDouble();
            else if (m.OptionalScalar("threshold") is { } t) throw t.Error($"trigger '{triggerNode.Text}' takes no threshold");
            var drift = m.RequireDouble("drift_bps", -10_000, 10_000);
            var horizon = m.RequireInt("horizon_bars", 1, 1_000_000);
            var symbols = m.StringList("symbols").Select(s => s.Text.ToUpperInvariant()).ToArray();
            try
            {
                effects.Add(new PlantedEffect(id.Text, trigger, threshold, drift, horizon, symbols.Length == 0 ? null : symbols));
            }
            catch (ArgumentException e)
            {
                throw m.Error(e.Message);
            }
        }
        return effects;
    }
}
