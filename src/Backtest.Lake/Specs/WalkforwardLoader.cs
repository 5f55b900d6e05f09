using Backtest.Core.Walkforward;

namespace Backtest.Lake.Specs;

/// <summary>Loads spec/walkforward.yaml; the embargo must cover the longest horizon the plan tests.</summary>
public static class WalkforwardLoader
{
    /// <summary>Repository-relative path of the walk-forward settings.</summary>
    public const string Path = "spec/walkforward.yaml";

    private static readonly string[] Keys = ["train_days", "test_days", "step_days", "embargo_bars", "mode", "initial_capital", "risk_budget", "gross_leverage_cap"];

    /// <summary>Parses and validates; <paramref name="longestHorizon"/> (bars) bounds the embargo from below.</summary>
    public static WalkforwardSettings Load(string root, int longestHorizon = 0)
    {
        var m = SpecFile.ReadMap(root, Path);
        m.RejectUnknownKeys(Keys);
        var train = m.RequireInt("train_days", 1, 10_000);
        var test = m.RequireInt("test_days", 1, 10_000);
        var step = m.RequireInt("step_days", 1, 10_000);
        if (step < test)
            throw m.RequireScalar("step_days").Error($"step_days ({step}) must be at least test_days ({test}): overlapping test windows would count days twice in the stitched equity");
        var embargo = m.RequireInt("embargo_bars", 0, 1_000_000);
        if (embargo < longestHorizon)
            throw m.RequireScalar("embargo_bars").Error($"embargo_bars ({embargo}) must be at least the longest horizon tested ({longestHorizon} bars), or train labels overlap the test window");
        var modeNode = m.OptionalScalar("mode");
        var mode = modeNode?.Text switch
        {
            null or "rolling" => WindowMode.Rolling,
            "expanding" => WindowMode.Expanding,
            _ => throw modeNode.Error($"mode is 'rolling' or 'expanding', found '{modeNode.Text}'"),
        };
        return new WalkforwardSettings(train, test, step, embargo, mode,
            m.RequireDouble("initial_capital", 1, 1e15), m.RequireDouble("risk_budget", 1e-6, 10), m.RequireDouble("gross_leverage_cap", 0.01, 100));
    }
}
