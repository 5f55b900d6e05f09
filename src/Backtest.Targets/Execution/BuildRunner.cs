namespace Backtest.Targets;

/// <summary>
/// One run from arguments to exit code: options and parameters, target graph and plan, <c>--help</c> or
/// <c>--plan</c>, then under the pipeline lock: sweep temporaries of an interrupted run, execute, persist the
/// caches, print NUKE's summary. Errors before execution print one paragraph and exit 1.
/// </summary>
internal static class BuildRunner
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Aborted = 130;

    public static int Run(PipelineBuild build, IReadOnlyList<string> defaultTargets, RunEnvironment environment)
    {
        using var log = new BuildLog(environment.Console, environment.Color, Verbosity.Normal);
        build.Attach(log, environment.Cancellation);
        IReadOnlyList<ExecutableTarget>? plan = null;
        try
        {
            var members = ParameterMember.Of(build.GetType());
            var commandLine = CommandLine.Parse(environment.Args, Shapes(members));
            var options = RunnerOptions.From(commandLine);
            log.Verbosity = build.Verbosity = options.Verbosity;
            var root = RootLocator.Find(options.Root, environment);
            build.RootDirectory = root;
            ParameterResolver.Apply(build, members, commandLine, environment.Environment, ParametersFile.Load(root));
            var targets = TargetGraph.Create(build, defaultTargets);
            if (!options.Plan) BuildSchema.WriteIfChanged(root, targets, members);

            var invokedNames = options.Targets.Count > 0 ? options.Targets : defaultTargets;
            if (options.Help || invokedNames.Count == 0)
            {
                log.Write(Verbosity.Quiet, HelpText.Render(targets, members), BuildLog.Tone.Plain);
                return Success;
            }
            var invoked = invokedNames.Select(name => TargetGraph.Find(targets, name)).Distinct().ToList();
            plan = ExecutionPlanner.Plan(targets, invoked);
            var forced = Forced(options.Force, plan, targets);
            Skip(options.Skip, plan, targets);
            CheckStaticConditions(plan);
            Requirements.Validate(build, members, plan);

            if (options.Plan)
            {
                var readOnly = new ActionCache(root, build.DataDirectory, readOnly: true);
                PlanReport.Write(log, plan, new ActionEngine(root, readOnly, log, 1, options.NoCache), forced, string.Join(" ", invoked.Select(t => t.Name)));
                plan = null;
                return Success;
            }

            // The data lock (and the crash sweep) is taken only by runs that touch the data folder: before any
            // cached action, or when an uncached step first uses the cache (CacheGc). Tests and certification,
            // which work in their own folders, never block a pipeline.
            PipelineLock? pipelineLock = null;
            ActionCache? cache = null;
            ActionCache OpenData()
            {
                if (cache is not null) return cache;
                pipelineLock = PipelineLock.Acquire(build.DataDirectory, environment.Command, DateTimeOffset.UtcNow);
                var swept = TemporaryFiles.Sweep(root, build.DataDirectory);
                if (swept.Count > 0)
                    log.Information($"Removed {swept.Count} temporary file(s) left by an interrupted run: {string.Join(", ", swept.Take(5))}{(swept.Count > 5 ? ", …" : "")}");
                return cache = new ActionCache(root, build.DataDirectory, readOnly: false);
            }
            log.AttachFile(Path.Combine(root, ".nuke", "temp", "build.log"));
            var needsData = plan.Any(t => t.Definition.Steps.Any(step => step.Actions is not null));
            build.AttachCache(OpenData);
            var engine = new ActionEngine(root, needsData ? OpenData() : new ActionCache(root, build.DataDirectory, readOnly: true), log, options.Jobs, options.NoCache);
            try
            {
                new TargetExecutor(build, log, engine, forced, environment.Cancellation).Execute(plan);
            }
            finally
            {
                cache?.Flush();
                pipelineLock?.Dispose();
            }
            return Finish(log, plan, build.Outcomes);
        }
        catch (Exception exception) when (plan is null || plan.All(t => t.Status is ExecutionStatus.Scheduled or ExecutionStatus.Skipped))
        {
            log.Error(exception is BuildException ? exception.Message : ExceptionText.Flatten(exception));
            if (log.Verbosity >= Verbosity.Verbose) log.Write(Verbosity.Verbose, exception.ToString(), BuildLog.Tone.Dim);
            return Failure;
        }
        catch (Exception exception)
        {
            log.Error("The runner failed: " + ExceptionText.Flatten(exception));
            if (log.Verbosity >= Verbosity.Verbose) log.Write(Verbosity.Verbose, exception.ToString(), BuildLog.Tone.Dim);
            Finish(log, plan!, build.Outcomes);
            return Failure;
        }
    }

    private static int Finish(BuildLog log, IReadOnlyList<ExecutableTarget> plan, IReadOnlyList<string>? outcomes = null)
    {
        foreach (var target in plan)
        {
            if (target.Status == ExecutionStatus.Scheduled) target.Status = ExecutionStatus.NotRun;
            if (target.Status == ExecutionStatus.Running) target.Status = ExecutionStatus.Aborted;
        }
        var aborted = plan.Any(t => t.Status == ExecutionStatus.Aborted);
        var failed = plan.Any(t => t.Status is ExecutionStatus.Failed or ExecutionStatus.NotRun);
        SummaryTable.Write(log, plan, !aborted && !failed, DateTimeOffset.Now);
        foreach (var line in outcomes ?? []) log.Write(Verbosity.Quiet, line, BuildLog.Tone.Plain);
        return aborted ? Aborted : failed ? Failure : Success;
    }

    private static Dictionary<string, (OptionShape, string)> Shapes(IReadOnlyList<ParameterMember> members)
    {
        var shapes = new Dictionary<string, (OptionShape, string)>(StringComparer.Ordinal);
        foreach (var (name, shape, _) in RunnerOptions.All) shapes[ParameterNames.Key(name)] = (shape, name);
        foreach (var member in members)
            if (!shapes.TryAdd(member.Key, (member.Shape, member.Dashed)))
                throw new ParameterException($"Parameter {member.Name} collides with the runner option --{shapes[member.Key].Item2}; rename it.");
        return shapes;
    }

    private static HashSet<ExecutableTarget> Forced(IReadOnlyList<string>? names, IReadOnlyList<ExecutableTarget> plan, IReadOnlyList<ExecutableTarget> all)
    {
        if (names is null) return [];
        if (names.Count == 0) return [.. plan];
        return [.. names.Select(name => TargetGraph.Find(all, name))];
    }

    /// <summary>NUKE's --skip: no names skips every non-invoked target; names skip those (invoked targets are never skipped this way).</summary>
    private static void Skip(IReadOnlyList<string>? names, IReadOnlyList<ExecutableTarget> plan, IReadOnlyList<ExecutableTarget> all)
    {
        if (names is null) return;
        var skipped = names.Count == 0 ? [.. plan] : names.Select(name => TargetGraph.Find(all, name)).ToHashSet();
        foreach (var target in plan)
            if (skipped.Contains(target) && !target.Invoked)
            {
                target.Status = ExecutionStatus.Skipped;
                target.Info = "via --skip";
            }
    }

    private static void CheckStaticConditions(IReadOnlyList<ExecutableTarget> plan)
    {
        foreach (var target in plan)
        {
            if (target.Status == ExecutionStatus.Skipped) continue;
            var conditions = target.Definition.StaticConditions;
            for (var i = 0; i < conditions.Count; i++)
            {
                bool holds;
                try { holds = conditions[i](); }
                catch (Exception exception)
                {
                    throw new TargetDefinitionException($"Target {target.Name}: its OnlyWhenStatic condition {i + 1} threw: {ExceptionText.Flatten(exception)}");
                }
                if (holds) continue;
                target.Status = ExecutionStatus.Skipped;
                target.Info = conditions.Count == 1 ? "condition false" : $"condition {i + 1} false";
                break;
            }
        }
    }
}
