using Backtest.Core.Research;

namespace Backtest.Core.Walkforward;

/// <summary>
/// spec/walkforward.yaml: how research windows roll forward (train, embargo, test, step), the capital the
/// out-of-sample strategies trade with, and the portfolio risk limits.
/// </summary>
public sealed record WalkforwardSettings(
    int TrainDays,
    int TestDays,
    int StepDays,
    int EmbargoBars,
    WindowMode Mode,
    double InitialCapital,
    double RiskBudget,
    double GrossLeverageCap);

/// <summary>Whether each train window rolls (fixed length) or expands from the first day.</summary>
public enum WindowMode
{
    /// <summary>Train on the last TrainDays before the embargo.</summary>
    Rolling,
    /// <summary>Train on everything from the start of data up to the embargo.</summary>
    Expanding,
}

/// <summary>One walk-forward fold: research on Train, trade on Test, with an embargo between them.</summary>
public sealed record Fold(int Index, ResearchWindow Train, ResearchWindow Test)
{
    /// <summary>"fold01", "fold02", …: the window id of its research artifacts.</summary>
    public string Id => Train.Id;
}
