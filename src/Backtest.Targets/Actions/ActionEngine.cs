using System.Diagnostics;

namespace Backtest.Targets;

/// <summary>
/// Decides and executes the actions of one target: computes each key from declared ingredients (hashing content
/// through the stat cache), then marks it up to date, restores its outputs from the blob store, or runs it and
/// commits its outputs atomically with a record. Runs the target's action DAG in parallel. The same decision code
/// serves <c>--plan</c>, which predicts instead of writing.
/// </summary>
internal sealed class ActionEngine
{
    private readonly string _root;
    private readonly ActionCache _cache;
    private readonly BuildLog _log;
    private readonly int _jobs;
    private readonly bool _noCache;
    private readonly Dictionary<string, string> _producers = new(StringComparer.Ordinal);

    public ActionEngine(string root, ActionCache cache, BuildLog log, int jobs, bool noCache)
    {
        _root = root;
        _cache = cache;
        _log = log;
        _jobs = Math.Max(1, jobs);
        _noCache = noCache;
    }

    /// <summary>Runs every action of <paramref name="graph"/>; results are in declaration order.</summary>
    public IReadOnlyList<ActionResult> Run(ActionGraph graph, bool forced, CancellationToken cancellation)
    {
        ClaimOutputs(graph);
        _cache.Stat.BeginTarget();
        var count = graph.Count;
        var results = new ActionResult?[count];
        if (count == 0) return [];
        var index = _cache.IndexOf(graph.Actions[0].Target);
        var remaining = graph.Dependencies.Select(d => d.Length).ToArray();
        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < count; i++)
            if (remaining[i] == 0) ready.Enqueue(i, i);
        var gate = new object();
        var running = 0;
        var stop = false;

        void Worker()
        {
            while (true)
            {
                int next;
                lock (gate)
                {
                    while (!stop && ready.Count == 0 && running > 0) Monitor.Wait(gate);
                    if (stop || ready.Count == 0)
                    {
                        Monitor.PulseAll(gate);
                        return;
                    }
                    next = ready.Dequeue();
                    running++;
                }
                var result = Process(graph.Actions[next], index, forced, cancellation);
                lock (gate)
                {
                    results[next] = result;
                    running--;
                    var released = 0;
                    if (result.Outcome is ActionOutcome.Failed or ActionOutcome.Aborted) stop = true;
                    else
                        foreach (var dependent in graph.Dependents[next])
                            if (--remaining[dependent] == 0)
                            {
                                ready.Enqueue(dependent, dependent);
                                released++;
                            }
                    // Waiting workers can only proceed when work was released, the run stops, or everything is done.
                    if (stop || released > 0 || running == 0) Monitor.PulseAll(gate);
                }
            }
        }

        using (cancellation.Register(() => { lock (gate) { stop = true; Monitor.PulseAll(gate); } }))
        {
            var workers = new Task[Math.Min(_jobs, count)];
            for (var w = 0; w < workers.Length; w++)
                workers[w] = Task.Factory.StartNew(Worker, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            Task.WaitAll(workers);
        }

        var final = new ActionResult[count];
        for (var i = 0; i < count; i++)
        {
            var action = graph.Actions[i];
            final[i] = results[i] ?? new ActionResult(action.Target, action.Partition, ActionOutcome.NotRun,
                cancellation.IsCancellationRequested ? "aborted before it started" : "stopped after a failure", null, TimeSpan.Zero);
        }
        return final;
    }

    /// <summary>Predicts every action of <paramref name="graph"/> without writing anything.</summary>
    public IReadOnlyList<PlannedAction> Plan(ActionGraph graph, bool forced, PlanState state)
    {
        ClaimOutputs(graph);
        _cache.Stat.BeginTarget();
        var planned = new PlannedAction?[graph.Count];
        if (graph.Count == 0) return [];
        var index = _cache.IndexOf(graph.Actions[0].Target);
        foreach (var i in graph.TopologicalOrder)
        {
            var action = graph.Actions[i];
            string? waitsOn = null;
            foreach (var input in action.Inputs)
                if (state.PendingProducer(input) is { } producer) { waitsOn = producer; break; }
            if (waitsOn is not null)
            {
                planned[i] = new PlannedAction(action.Label, ActionVerdict.Pending, $"waits on: {waitsOn}");
                state.Pending(action);
                continue;
            }
            var ingredients = Ingredients(action, path => state.KnownHash(path) ?? _cache.Stat.TryHash(path), out var missing);
            if (ingredients is null)
            {
                planned[i] = new PlannedAction(action.Label, ActionVerdict.Pending, $"missing {missing} (no planned action produces it)");
                state.Pending(action);
                continue;
            }
            var decision = Decide(action, ingredients, ingredients.ComputeKey(), forced, index);
            planned[i] = new PlannedAction(action.Label, decision.Verdict, decision.Reason);
            if (decision.Verdict == ActionVerdict.Run) state.Pending(action);
            else state.Known(decision.Record!.Outputs);
        }
        return planned.Select(p => p!).ToArray();
    }

    /// <summary>Every output has one producer across the whole run, not only within a target.</summary>
    private void ClaimOutputs(ActionGraph graph)
    {
        foreach (var action in graph.Actions)
            foreach (var path in action.Outputs.Concat(action.OwnedFolders))
            {
                if (_producers.TryGetValue(path, out var other) && !other.StartsWith(action.Target + "[", StringComparison.Ordinal))
                    throw new ActionDefinitionException($"{other} and {action.Label} both write '{path}'; every output has exactly one producer.");
                _producers[path] = action.Label;
            }
    }

    private ActionResult Process(PreparedAction action, TargetIndex index, bool forced, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        ActionResult Result(ActionOutcome outcome, string reason, string? info = null, Exception? error = null) =>
            new(action.Target, action.Partition, outcome, reason, info, clock.Elapsed, error);

        if (cancellation.IsCancellationRequested) return Result(ActionOutcome.NotRun, "aborted before it started");
        KeyIngredients? ingredients;
        string? missing;
        try
        {
            ingredients = Ingredients(action, _cache.Stat.TryHash, out missing);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Log(Result(ActionOutcome.Failed, "could not hash its inputs", error: new ActionFailedException(action.Target, action.Partition, $"could not hash its inputs: {exception.Message}", exception)));
        }
        if (ingredients is null)
            return Log(Result(ActionOutcome.Failed, $"missing {missing}", error: new ActionFailedException(action.Target, action.Partition,
                $"{missing} does not exist. Run the target that produces it first (or check the path).")));

        var key = ingredients.ComputeKey();
        var decision = Decide(action, ingredients, key, forced, index);
        if (decision.Verdict == ActionVerdict.UpToDate)
        {
            index.Set(action.Partition, decision.Record!);
            return Log(Result(ActionOutcome.UpToDate, "up to date", decision.Record!.Info));
        }
        var reason = decision.Reason;
        if (decision.Verdict == ActionVerdict.Restore)
        {
            try
            {
                var failure = Restore(decision);
                if (failure is null)
                {
                    index.Set(action.Partition, decision.Record!);
                    return Log(Result(ActionOutcome.Restored, reason, decision.Record!.Info));
                }
                reason = failure;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                reason = $"restore failed ({exception.Message}) → Run";
            }
        }
        return Log(Execute(action, ingredients, key, reason, index, cancellation, clock));
    }

    private ActionResult Execute(PreparedAction action, KeyIngredients ingredients, string key, string reason, TargetIndex index, CancellationToken cancellation, Stopwatch clock)
    {
        var context = new ActionContext(action, key, _root, cancellation, message => _log.Verbose($"    {action.Label}: {message}"));
        ActionResult Result(ActionOutcome outcome, Exception? error = null) =>
            new(action.Target, action.Partition, outcome, reason, context.Info, clock.Elapsed, error);
        _log.Verbose($"  start {action.Label} ({reason})");
        try
        {
            action.Source.Run(context);
        }
        catch (Exception exception) when (cancellation.IsCancellationRequested && exception is OperationCanceledException)
        {
            Discard(context);
            return Result(ActionOutcome.Aborted);
        }
        catch (Exception exception)
        {
            Discard(context);
            return Result(ActionOutcome.Failed, new ActionFailedException(action.Target, action.Partition, ExceptionText.Flatten(exception), exception));
        }

        try
        {
            Commit(action, context, ingredients, key, clock, index);
            return Result(ActionOutcome.Ran);
        }
        catch (Exception exception)
        {
            Discard(context);
            return Result(ActionOutcome.Failed, exception as ActionFailedException
                ?? new ActionFailedException(action.Target, action.Partition, "committing its outputs failed: " + ExceptionText.Flatten(exception), exception));
        }
    }

    /// <summary>Moves the written temporaries into place, stores blobs, then writes the record (last: a crash before it leaves no record).</summary>
    private void Commit(PreparedAction action, ActionContext context, KeyIngredients ingredients, string key, Stopwatch clock, TargetIndex index)
    {
        var temporaries = context.Temporaries;
        foreach (var output in action.Outputs)
            if (!temporaries.TryGetValue(output, out var temporary) || !File.Exists(temporary))
                throw new ActionFailedException(action.Target, action.Partition,
                    $"declared output {output} was not written (write it to the path ctx.OutputPath(\"{output}\") returns).");

        var outputs = new List<RecordedOutput>();
        var written = new List<(string Final, string Temporary)>();
        foreach (var (path, temporary) in temporaries.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!File.Exists(temporary)) continue;
            AtomicFile.FlushToDisk(temporary);
            var sha = ContentHash.OfFile(temporary);
            outputs.Add(new RecordedOutput(path, sha, new FileInfo(temporary).Length));
            written.Add((path, temporary));
            if (!_noCache) _cache.Blobs.Put(temporary, sha);
        }
        foreach (var (path, temporary) in written)
            File.Move(temporary, RelativePath.ToAbsolute(_root, path), overwrite: true);
        var produced = new HashSet<string>(outputs.Select(o => o.Path), StringComparer.Ordinal);
        foreach (var stale in FilesIn(action.OwnedFolders))
            if (!produced.Contains(stale))
            {
                TemporaryFiles.TryDelete(RelativePath.ToAbsolute(_root, stale));
                _cache.Stat.Forget(stale);
            }
        foreach (var output in outputs) _cache.Stat.Remember(output.Path, output.Sha256);
        if (_noCache) return;
        var record = new ActionRecord
        {
            Key = key,
            Target = action.Target,
            Partition = action.Partition,
            Outputs = outputs,
            Info = context.Info,
            DurationMs = (long)clock.Elapsed.TotalMilliseconds,
            Ingredients = ingredients,
        };
        _cache.WriteRecord(record);
        index.Set(action.Partition, record);
    }

    private static void Discard(ActionContext context)
    {
        foreach (var temporary in context.Temporaries.Values) TemporaryFiles.TryDelete(temporary);
    }

    /// <summary>Copies the missing or changed outputs back from verified blobs; returns why it could not, or null.</summary>
    private string? Restore(ActionDecision decision)
    {
        foreach (var output in decision.ToRestore!)
            if (!_cache.Blobs.Verify(output.Sha256))
                return $"cache blob missing or corrupt for {output.Path} → Run";
        foreach (var output in decision.ToRestore!)
        {
            _cache.Blobs.Materialize(output.Sha256, RelativePath.ToAbsolute(_root, output.Path));
            _cache.Stat.Remember(output.Path, output.Sha256);
        }
        foreach (var stale in decision.Stale!)
        {
            TemporaryFiles.TryDelete(RelativePath.ToAbsolute(_root, stale));
            _cache.Stat.Forget(stale);
        }
        return null;
    }

    /// <summary>The key ingredients of an action, or null with the missing path when an input or spec does not exist.</summary>
    internal static KeyIngredients? Ingredients(PreparedAction action, Func<string, string?> hashOf, out string? missing)
    {
        missing = null;
        // Code, parameters and extra are fixed per action: shared, never mutated.
        var ingredients = new KeyIngredients
        {
            Target = action.Target,
            Partition = action.Partition,
            Code = action.Code,
            Params = action.Params,
            Extra = action.Extra,
        };
        foreach (var (path, digest) in action.SpecDigests) ingredients.Specs[path] = digest;
        foreach (var spec in action.Specs)
        {
            if (ingredients.Specs.ContainsKey(spec)) continue;
            var sha = hashOf(spec);
            if (sha is null) { missing = $"spec {spec}"; return null; }
            ingredients.Specs[spec] = sha;
        }
        foreach (var input in action.Inputs)
        {
            var sha = hashOf(input);
            if (sha is null) { missing = $"input {input}"; return null; }
            ingredients.Inputs[input] = sha;
        }
        return ingredients;
    }

    private ActionDecision Decide(PreparedAction action, KeyIngredients ingredients, string key, bool forced, TargetIndex index)
    {
        if (_noCache) return new ActionDecision(ActionVerdict.Run, "cache disabled (--no-cache)");
        if (forced) return new ActionDecision(ActionVerdict.Run, "forced");
        var record = index.RecordFor(action.Target, action.Partition, key) ?? _cache.TryReadRecord(key, withIngredients: false);
        if (record is null) return new ActionDecision(ActionVerdict.Run, WhyNoRecord(action, ingredients, index));

        // Declared outputs and recorded outputs must agree (the output list is not part of the key).
        foreach (var output in record.Outputs)
            if (!action.WritesPath(output.Path)) return new ActionDecision(ActionVerdict.Run, "declared outputs changed");
        foreach (var output in action.Outputs)
            if (!Recorded(record, output)) return new ActionDecision(ActionVerdict.Run, "declared outputs changed");

        List<RecordedOutput>? missing = null, changed = null;
        foreach (var output in record.Outputs)
        {
            var sha = _cache.Stat.TryHash(output.Path);
            if (sha is null) (missing ??= []).Add(output);
            else if (sha != output.Sha256) (changed ??= []).Add(output);
        }
        var stale = action.OwnedFolders.Length == 0 ? [] : FilesIn(action.OwnedFolders).Where(p => !Recorded(record, p)).ToList();
        if (missing is null && changed is null && stale.Count == 0)
            return new ActionDecision(ActionVerdict.UpToDate, "up to date", record);
        missing ??= [];
        changed ??= [];

        var toRestore = missing.Concat(changed).ToList();
        foreach (var output in toRestore)
            if (!_cache.Blobs.Contains(output.Sha256))
                return new ActionDecision(ActionVerdict.Run, $"cache blob missing for {output.Path}");
        var reason = missing.Count > 0 ? $"outputs missing → Restore: {Paths(missing.Select(o => o.Path))}"
            : changed.Count > 0 ? $"outputs changed → Restore: {Paths(changed.Select(o => o.Path))}"
            : $"stale files in owned folder → Restore: {Paths(stale)}";
        return new ActionDecision(ActionVerdict.Restore, reason, record, toRestore, stale);
    }

    private static bool Recorded(ActionRecord record, string path)
    {
        foreach (var output in record.Outputs)
            if (output.Path == path) return true;
        return false;
    }

    private string WhyNoRecord(PreparedAction action, KeyIngredients ingredients, TargetIndex index)
    {
        if (index.KeyOf(action.Partition) is not { } lastKey) return "no record";
        var previous = _cache.TryReadRecord(lastKey)?.Ingredients;
        if (previous is null) return "no record";
        var changes = ingredients.DescribeChangesSince(previous);
        return changes.Count == 0 ? "no record" : string.Join("; ", changes);
    }

    /// <summary>Root-relative files (temporaries excluded) under the given folders, sorted.</summary>
    private List<string> FilesIn(IReadOnlyList<string> folders)
    {
        var files = new List<string>();
        foreach (var folder in folders)
        {
            var absolute = RelativePath.ToAbsolute(_root, folder);
            if (!Directory.Exists(absolute)) continue;
            foreach (var file in Directory.EnumerateFiles(absolute, "*", TemporaryFiles.AllFiles(recurse: true)))
                if (!TemporaryFiles.IsTemporary(file)) files.Add(RelativePath.FromAbsolute(_root, file));
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static string Paths(IEnumerable<string> paths)
    {
        var list = paths.ToList();
        return list.Count <= 3 ? string.Join(", ", list) : string.Join(", ", list.Take(3)) + $" and {list.Count - 3} more";
    }

    private static string Detail(Exception error) => error is ActionFailedException failed ? failed.Detail : ExceptionText.Flatten(error);

    private ActionResult Log(ActionResult result)
    {
        if (result.Outcome == ActionOutcome.UpToDate && _log.Verbosity < Verbosity.Verbose) return result;
        var duration = DurationText.Short(result.Duration);
        var info = result.Info is null ? "" : $" · {result.Info}";
        switch (result.Outcome)
        {
            case ActionOutcome.Ran:
                _log.Write(Verbosity.Normal, $"  ran       {result.Label}  {duration}{info} · {result.Reason}", BuildLog.Tone.Plain);
                break;
            case ActionOutcome.Restored:
                _log.Write(Verbosity.Normal, $"  restored  {result.Label}  {duration}{info} · {result.Reason}", BuildLog.Tone.Plain);
                break;
            case ActionOutcome.UpToDate:
                _log.Write(Verbosity.Verbose, $"  up to date {result.Label}{info}", BuildLog.Tone.Dim);
                break;
            case ActionOutcome.Failed:
                _log.Write(Verbosity.Quiet, $"  FAILED    {result.Label}  {duration} · {Detail(result.Error!)}", BuildLog.Tone.Error);
                if (_log.Verbosity >= Verbosity.Verbose && result.Error?.InnerException is { } inner)
                    _log.Write(Verbosity.Verbose, inner.ToString(), BuildLog.Tone.Dim);
                break;
            case ActionOutcome.Aborted:
                _log.Write(Verbosity.Minimal, $"  aborted   {result.Label}  {duration}", BuildLog.Tone.Warning);
                break;
        }
        return result;
    }
}
