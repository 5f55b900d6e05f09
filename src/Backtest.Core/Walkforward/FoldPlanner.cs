using Backtest.Core.Research;

namespace Backtest.Core.Walkforward;

/// <summary>
/// Lays folds on the calendar: folds start at the first UTC midnight at or after the data starts; fold k's
/// test window starts StepDays·k after the first one; train windows end an embargo before their test.
/// Only complete test windows are used, so every fold is judged on the same length of unseen data.
/// </summary>
public static class FoldPlanner
{
    private const long Day = 86_400_000L;

    /// <summary>Folds covering bar closes in (firstTs, lastTs]; <paramref name="barMs"/> converts the embargo to time.</summary>
    public static IReadOnlyList<Fold> Plan(long firstTs, long lastTs, long barMs, WalkforwardSettings s)
    {
        if (s.TrainDays < 1 || s.TestDays < 1 || s.StepDays < 1)
            throw new ArgumentException("train_days, test_days and step_days must be at least 1");
        var start = (firstTs + Day - 1) / Day * Day; // the first midnight at or after the first bar close
        var embargo = s.EmbargoBars * barMs;
        var folds = new List<Fold>();
        for (var k = 0; ; k++)
        {
            var trainTo = start + (s.TrainDays + (long)k * s.StepDays) * Day;
            var trainFrom = s.Mode == WindowMode.Rolling ? trainTo - s.TrainDays * Day : start;
            var testFrom = trainTo + embargo;
            var testTo = testFrom + s.TestDays * Day;
            if (testTo > lastTs) break;
            var id = $"fold{k + 1:D2}";
            folds.Add(new Fold(k + 1, new ResearchWindow(id, trainFrom, trainTo), new ResearchWindow($"{id}-test", testFrom, testTo)));
        }
        return folds;
    }
}
