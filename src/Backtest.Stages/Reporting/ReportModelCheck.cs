namespace Backtest.Stages.Reporting;

/// <summary>The renderer's preconditions on a <see cref="ReportModel"/>, checked once before any output is written.</summary>
internal static class ReportModelCheck
{
    /// <summary>Throws <see cref="InvalidReportModelException"/> naming the run and what is wrong.</summary>
    public static void Require(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var run = $"report model for run '{model.RunId}'";
        void Fail(string what) => throw new InvalidReportModelException($"{run}: {what}.");

        if (model.Symbols is null) Fail("symbols is missing");
        if (model.Folds is null) Fail("folds is missing");
        if (model.Metrics is null) Fail("metrics is missing");
        if (model.Gates is null) Fail("gates is missing");
        if (model.Costs is null) Fail("costs is missing");
        if (model.Blueprints is null) Fail("blueprints is missing");
        if (model.Funnel is null) Fail("funnel is missing");
        if (model.Digests is null) Fail("digests is missing");
        if (model.Notes is null) Fail("notes is missing");
        var e = model.Equity;
        if (e is null || e.Ts is null || e.Equity is null || e.BuyAndHold is null || e.Drawdown is null)
        {
            Fail("the equity series (ts, equity, buy_and_hold, drawdown) is missing");
            return;
        }
        if (e.Equity.Length != e.Ts.Length || e.BuyAndHold.Length != e.Ts.Length || e.Drawdown.Length != e.Ts.Length)
            Fail($"the equity series is misaligned: {e.Ts.Length} timestamps, {e.Equity.Length} equity, " +
                 $"{e.BuyAndHold.Length} buy-and-hold and {e.Drawdown.Length} drawdown values (all must be equal)");
        for (var i = 1; i < e.Ts.Length; i++)
            if (e.Ts[i] < e.Ts[i - 1])
                Fail($"equity timestamps go backwards at index {i}: {e.Ts[i]} after {e.Ts[i - 1]} (ms UTC, must not decrease)");
    }
}
