using Backtest.Core.Research;

namespace Backtest.Lake.Specs;

/// <summary>Loads spec/plan.yaml: the run's hypothesis budget and the least data a symbol needs to be planned.</summary>
public static class PlanSpecLoader
{
    /// <summary>Repository-relative path of the plan settings.</summary>
    public const string Path = "spec/plan.yaml";

    /// <summary>Parses and validates the plan settings.</summary>
    public static PlanSettings Load(string root)
    {
        var m = SpecFile.ReadMap(root, Path);
        m.RejectUnknownKeys(["max_hypotheses", "min_bars"]);
        var max = m.RequireScalar("max_hypotheses");
        var minBars = m.RequireScalar("min_bars");
        if (max.AsInt() < 1) throw max.Error($"max_hypotheses must be at least 1, found {max.Text}");
        if (minBars.AsInt() < 1) throw minBars.Error($"min_bars must be at least 1, found {minBars.Text}");
        return new PlanSettings(max.AsInt(), minBars.AsInt());
    }
}
