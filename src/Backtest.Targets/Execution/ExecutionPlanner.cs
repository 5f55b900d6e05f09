namespace Backtest.Targets;

/// <summary>
/// Turns the invoked targets into an ordered plan: the invoked targets, their DependsOn closure and everything
/// they trigger, sorted so that every dependency (DependsOn, After/Before, Triggers) runs first and ties go to the
/// invoked order, then the declaration order. The same invocation always gives the same plan.
/// </summary>
internal static class ExecutionPlanner
{
    /// <summary>The ordered plan for <paramref name="invoked"/> (marks them <see cref="ExecutableTarget.Invoked"/>).</summary>
    public static IReadOnlyList<ExecutableTarget> Plan(IReadOnlyList<ExecutableTarget> all, IReadOnlyList<ExecutableTarget> invoked)
    {
        foreach (var target in invoked) target.Invoked = true;

        // Group = index of the first invoked target that pulls a target in (via DependsOn or Triggers).
        var group = new Dictionary<ExecutableTarget, int>();
        var queue = new Queue<ExecutableTarget>();
        for (var i = 0; i < invoked.Count; i++)
        {
            if (group.ContainsKey(invoked[i])) continue;
            group[invoked[i]] = i;
            queue.Enqueue(invoked[i]);
            while (queue.Count > 0)
            {
                var current = queue.Dequeue();
                foreach (var next in current.ExecutionDependencies.Concat(current.Triggers))
                    if (group.TryAdd(next, i)) queue.Enqueue(next);
            }
        }

        var planned = group.Keys.ToHashSet();
        var remaining = new Dictionary<ExecutableTarget, int>();
        var dependents = planned.ToDictionary(t => t, _ => new List<ExecutableTarget>());
        foreach (var target in planned)
        {
            var dependencies = target.AllDependencies.Where(planned.Contains).Distinct().ToList();
            remaining[target] = dependencies.Count;
            foreach (var dependency in dependencies) dependents[dependency].Add(target);
        }
        var ready = new PriorityQueue<ExecutableTarget, (int Group, int Declaration)>();
        foreach (var target in planned)
            if (remaining[target] == 0) ready.Enqueue(target, (group[target], target.Declaration));
        var plan = new List<ExecutableTarget>(planned.Count);
        while (ready.TryDequeue(out var next, out _))
        {
            plan.Add(next);
            next.Status = ExecutionStatus.Scheduled;
            foreach (var dependent in dependents[next])
                if (--remaining[dependent] == 0) ready.Enqueue(dependent, (group[dependent], dependent.Declaration));
        }
        return plan;
    }

    /// <summary>Throws naming the first cycle found (in declaration order) among all dependency kinds.</summary>
    public static void CheckCycles(IReadOnlyList<ExecutableTarget> all)
    {
        var state = new Dictionary<ExecutableTarget, int>(); // 1 = on the stack, 2 = done
        var stack = new List<ExecutableTarget>();

        void Visit(ExecutableTarget target)
        {
            state[target] = 1;
            stack.Add(target);
            foreach (var dependency in target.AllDependencies.OrderBy(d => d.Declaration))
            {
                if (state.GetValueOrDefault(dependency) == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(dependency)).Select(t => t.Name).Append(dependency.Name);
                    throw new TargetDefinitionException($"Circular dependencies between targets: {string.Join(" -> ", cycle)} (each waits for the next).");
                }
                if (state.GetValueOrDefault(dependency) == 0) Visit(dependency);
            }
            stack.RemoveAt(stack.Count - 1);
            state[target] = 2;
        }

        foreach (var target in all.OrderBy(t => t.Declaration))
            if (state.GetValueOrDefault(target) == 0) Visit(target);
    }
}
