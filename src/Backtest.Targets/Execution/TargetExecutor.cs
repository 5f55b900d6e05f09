namespace Backtest.Targets;

/// <summary>
/// Runs the planned targets in order with NUKE's semantics: skipped targets stay skipped, dynamic conditions are
/// checked just before a target, a failure stops the build unless the failed target proceeds after failure (then
/// only targets depending on it are not run), and Ctrl-C aborts the running target and leaves the rest NotRun.
/// </summary>
internal sealed class TargetExecutor(PipelineBuild build, BuildLog log, ActionEngine engine, IReadOnlySet<ExecutableTarget> forced, CancellationToken cancellation)
{
    public void Execute(IReadOnlyList<ExecutableTarget> plan)
    {
        var stop = false;
        foreach (var target in plan)
        {
            if (target.Status == ExecutionStatus.Skipped) continue;
            if (stop || cancellation.IsCancellationRequested)
            {
                target.Status = ExecutionStatus.NotRun;
                continue;
            }
            if (target.ExecutionDependencies.FirstOrDefault(d => d.Status is ExecutionStatus.Failed or ExecutionStatus.NotRun or ExecutionStatus.Aborted) is { } blocked)
            {
                target.Status = ExecutionStatus.NotRun;
                target.Info = $"{blocked.Name} did not succeed";
                continue;
            }
            if (!DynamicConditionsHold(target)) continue;
            if (target.Definition.Steps.Count == 0)
            {
                target.Status = ExecutionStatus.Collective;
                continue;
            }
            Run(target);
            if (target.Status == ExecutionStatus.Aborted) stop = true;
            if (target.Status == ExecutionStatus.Failed && !target.Definition.IsProceedAfterFailure) stop = true;
        }
    }

    private bool DynamicConditionsHold(ExecutableTarget target)
    {
        var conditions = target.Definition.DynamicConditions;
        for (var i = 0; i < conditions.Count; i++)
        {
            bool holds;
            try { holds = conditions[i](); }
            catch (Exception exception)
            {
                target.Status = ExecutionStatus.Failed;
                target.Info = "condition threw";
                log.Error($"Target {target.Name}: its OnlyWhenDynamic condition {i + 1} threw: {ExceptionText.Flatten(exception)}");
                return false;
            }
            if (holds) continue;
            target.Status = ExecutionStatus.Skipped;
            target.Info = conditions.Count == 1 ? "condition false" : $"condition {i + 1} false";
            return false;
        }
        return true;
    }

    private void Run(ExecutableTarget target)
    {
        Header(target.Name);
        target.Status = ExecutionStatus.Running;
        target.Stopwatch.Start();
        build.CurrentTarget = target;
        var counts = new ActionCounts();
        var ranUncached = false;
        var hasActionSteps = false;
        try
        {
            foreach (var step in target.Definition.Steps)
            {
                cancellation.ThrowIfCancellationRequested();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                if (step.Execute is { } execute)
                {
                    execute();
                    ranUncached = true;
                    log.Verbose($"  uncached step: {clock.ElapsedMilliseconds} ms");
                    continue;
                }
                hasActionSteps = true;
                var graph = ActionGraph.Build(target.Name, step.Actions!(), "data");
                var listed = clock.ElapsedMilliseconds;
                var results = engine.Run(graph, forced.Contains(target), cancellation);
                // Where an up-to-date rerun spends its time: listing the actions (the stage reads its specs and plan)
                // or deciding them (hashing inputs, reading records).
                log.Verbose($"  {results.Count} actions listed in {listed} ms, decided and run in {clock.ElapsedMilliseconds - listed} ms");
                counts.Add(results);
                if (counts[ActionOutcome.Failed] > 0)
                {
                    var failures = results.Where(r => r.Outcome == ActionOutcome.Failed).ToList();
                    throw new ActionFailedException(target.Name, failures[0].Partition,
                        (failures[0].Error as ActionFailedException)?.Detail ?? failures[0].Reason);
                }
                if (counts[ActionOutcome.Aborted] > 0 || cancellation.IsCancellationRequested && counts[ActionOutcome.NotRun] > 0)
                    throw new OperationCanceledException(cancellation);
            }
            // A target with cached actions reports what its actions did; an uncached step beside them (a view
            // refreshed from disk, say) does not turn an up-to-date target into "Succeeded".
            target.Status = (ranUncached && !hasActionSteps) || counts[ActionOutcome.Ran] > 0 ? ExecutionStatus.Succeeded
                : counts[ActionOutcome.Restored] > 0 ? ExecutionStatus.Restored
                : counts[ActionOutcome.UpToDate] > 0 ? ExecutionStatus.UpToDate
                : ExecutionStatus.Succeeded;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            target.Status = ExecutionStatus.Aborted;
            log.Warning($"Target {target.Name} aborted.");
        }
        catch (ActionFailedException) when (counts[ActionOutcome.Failed] > 0)
        {
            // Each failed action already logged its paragraph.
            target.Status = ExecutionStatus.Failed;
        }
        catch (Exception exception)
        {
            target.Status = ExecutionStatus.Failed;
            var error = exception is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : exception;
            log.Error($"Target {target.Name} failed: {ExceptionText.Flatten(error)}");
            if (log.Verbosity >= Verbosity.Verbose) log.Write(Verbosity.Verbose, error.ToString(), BuildLog.Tone.Dim);
            target.Info ??= error.GetType().Name + ": " + error.Message.Split('\n')[0];
        }
        finally
        {
            target.Stopwatch.Stop();
            build.CurrentTarget = null;
            if (counts.Total > 0 || target.Definition.Steps.Any(s => s.Actions is not null))
            {
                target.Info = target.Info is null ? counts.ToString() : $"{counts}; {target.Info}";
                if (counts[ActionOutcome.UpToDate] > 0)
                    log.Write(Verbosity.Normal, $"  {counts[ActionOutcome.UpToDate]} up to date", BuildLog.Tone.Dim);
            }
        }
    }

    private void Header(string name)
    {
        log.Write(Verbosity.Minimal, "", BuildLog.Tone.Plain);
        log.Write(Verbosity.Minimal, "╬" + new string('═', name.Length + 5), BuildLog.Tone.Heading);
        log.Write(Verbosity.Minimal, "║ " + name, BuildLog.Tone.Heading);
        log.Write(Verbosity.Minimal, "╬" + new string('═', Math.Max(name.Length - 4, 2)), BuildLog.Tone.Heading);
        log.Write(Verbosity.Minimal, "", BuildLog.Tone.Plain);
    }
}
