using Backtest.Stages.Reporting;
using Backtest.Stages.Walkforward;

namespace Backtest.Stages.Tests.Reporting;

/// <summary>The report's explanation of a failed DSR gate states the bar in the units the report shows.</summary>
public sealed class ReportBuilderNoteTests
{
    [Fact]
    public void Dsr_note_gives_the_sharpe_the_bar_and_the_trial_spread_annualised()
    {
        // Per-day figures: Sharpe 0.2837, SR0 0.4, trial variance 0.0144 (sd 0.12); √365 = 19.1050.
        var figures = new DsrFigures(Value: 8.9e-7, DailySharpe: 0.2837, Days: 540, Trials: 1836, TrialSharpeVariance: 0.0144,
            ExpectedMaxSharpe: 0.4, Skewness: 0.1, RawKurtosis: 4);

        Assert.Equal(
            "DSR compares the daily Sharpe (5.42 annualised) with SR0 = 7.64, the best Sharpe expected from 1,836 trials of " +
            "pure noise whose Sharpes spread as widely as the tested hypotheses' do (standard deviation 2.29 annualised). " +
            "True effects among the tested hypotheses widen that spread and raise the bar with it, so DSR is conservative for " +
            "a family with strong effects; it is also the price of testing many hypotheses.",
            ReportBuilder.DsrNote(figures));
    }
}
