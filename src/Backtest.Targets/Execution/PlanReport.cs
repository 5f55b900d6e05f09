namespace Backtest.Targets;

/// <summary>
/// <c>--plan</c>: per planned target and action, what would happen (Run, UpToDate, Restore, Pending, Skipped) and
/// why, in <c>dvc status</c> words. Reads only: no lock, no records, no stat-cache writes, no log file.
/// </summary>
internal static class PlanReport
{
    public static void Write(BuildLog log, IReadOnlyList<ExecutableTarget> plan, ActionEngine engine, IReadOnlySet<ExecutableTarget> forced, string invoked)
    {
        var state = new PlanState();
        var width = Math.Max(plan.Select(t => t.Name.Length).DefaultIfEmpty(0).Max() + 2, 14);
        log.Write(Verbosity.Quiet, $"Plan for {invoked} (nothing is written):", BuildLog.Tone.Heading);
        log.Write(Verbosity.Quiet, "", BuildLog.Tone.Plain);
        string? unlisted = null;
        foreach (var target in plan)
        {
            void Row(string status, string text, BuildLog.Tone tone = BuildLog.Tone.Plain) =>
                log.Write(Verbosity.Quiet, $"{target.Name.PadRight(width)}{status,-10}{text}".TrimEnd(), tone);

            if (target.Status == ExecutionStatus.Skipped)
            {
                Row("Skipped", $"({target.Info})", BuildLog.Tone.Dim);
                continue;
            }
            var steps = target.Definition.Steps;
            if (steps.Count == 0)
            {
                Row("—", "(groups its dependencies)", BuildLog.Tone.Dim);
                continue;
            }
            var note = target.Definition.DynamicConditions.Count > 0 ? " · runs only if its OnlyWhenDynamic condition holds then" : "";
            var planned = new List<PlannedAction>();
            string? pending = null;
            var uncached = false;
            foreach (var step in steps)
            {
                if (step.Execute is not null) { uncached = true; continue; }
                IReadOnlyList<BuildAction> actions;
                try { actions = step.Actions!().ToList(); }
                catch (Exception exception) when (exception is not ActionDefinitionException)
                {
                    pending = $"cannot list its actions yet: {ExceptionText.Flatten(exception)}";
                    unlisted ??= target.Name;
                    continue;
                }
                var graph = ActionGraph.Build(target.Name, actions, "data");
                foreach (var action in engine.Plan(graph, forced.Contains(target), state))
                    planned.Add(action.Verdict == ActionVerdict.Pending && action.Reason.StartsWith("missing ", StringComparison.Ordinal) && unlisted is not null
                        ? action with { Reason = $"{action.Reason[..action.Reason.IndexOf(" (", StringComparison.Ordinal)]} (may come from {unlisted})" }
                        : action);
            }

            var run = planned.Count(a => a.Verdict == ActionVerdict.Run);
            var restore = planned.Count(a => a.Verdict == ActionVerdict.Restore);
            var waiting = planned.Count(a => a.Verdict == ActionVerdict.Pending);
            var upToDate = planned.Count(a => a.Verdict == ActionVerdict.UpToDate);
            var counts = new List<string>();
            if (run > 0) counts.Add($"{run} run");
            if (restore > 0) counts.Add($"{restore} restore");
            if (waiting > 0) counts.Add($"{waiting} pending");
            if (upToDate > 0) counts.Add($"{upToDate} up to date");
            if (uncached) counts.Add("uncached step runs");
            var status = pending is not null || waiting > 0 ? "Pending" : run > 0 || (uncached && planned.Count == 0) ? "Run" : restore > 0 ? "Restore" : "UpToDate";
            var summary = string.Join(", ", counts);
            if (pending is not null) summary = summary.Length == 0 ? pending : $"{summary}; {pending}";
            if (summary.Length == 0) summary = "no actions";
            Row(status, summary + note, status == "UpToDate" ? BuildLog.Tone.Success : BuildLog.Tone.Plain);
            foreach (var action in planned)
            {
                var verbose = action.Verdict == ActionVerdict.UpToDate;
                var word = action.Verdict == ActionVerdict.UpToDate ? "UpToDate" : action.Verdict.ToString();
                log.Write(verbose ? Verbosity.Verbose : Verbosity.Quiet, $"  {word,-9} {action.Label} · {action.Reason}", verbose ? BuildLog.Tone.Dim : BuildLog.Tone.Plain);
            }
        }
    }
}
