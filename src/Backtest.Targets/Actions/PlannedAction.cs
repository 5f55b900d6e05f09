namespace Backtest.Targets;

/// <summary>One line of <c>--plan</c>: what would happen to an action and why.</summary>
internal sealed record PlannedAction(string Label, ActionVerdict Verdict, string Reason);
