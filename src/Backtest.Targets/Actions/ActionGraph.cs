namespace Backtest.Targets;

/// <summary>
/// The actions of one target as a DAG: an action whose input is another action's output (or lies in its owned
/// folder) waits for it, so features can be built on features within one target. Built once per target; rejects
/// duplicate partitions, duplicate outputs and cycles with messages naming the actions.
/// </summary>
internal sealed class ActionGraph
{
    private ActionGraph(IReadOnlyList<PreparedAction> actions, int[][] dependencies, int[][] dependents, int[] order)
    {
        Actions = actions;
        Dependencies = dependencies;
        Dependents = dependents;
        TopologicalOrder = order;
    }

    public IReadOnlyList<PreparedAction> Actions { get; }

    /// <summary>For each action, the indexes of the actions producing its inputs.</summary>
    public int[][] Dependencies { get; }

    /// <summary>For each action, the indexes of the actions consuming its outputs.</summary>
    public int[][] Dependents { get; }

    /// <summary>Producers before consumers; ties in declaration order.</summary>
    public int[] TopologicalOrder { get; }

    public int Count => Actions.Count;

    /// <summary>Validates and links the actions of <paramref name="target"/>.</summary>
    public static ActionGraph Build(string target, IEnumerable<BuildAction> source, string dataFolder)
    {
        var actions = new List<PreparedAction>();
        var partitions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var action in source)
        {
            if (action is null) throw new ActionDefinitionException($"Target {target} listed a null action.");
            var prepared = new PreparedAction(target, actions.Count, action, dataFolder);
            if (!partitions.TryAdd(prepared.Partition, prepared.Index))
                throw new ActionDefinitionException($"Target {target} lists partition '{prepared.Partition}' twice (actions {partitions[prepared.Partition] + 1} and {prepared.Index + 1}); partitions must be unique within a target.");
            actions.Add(prepared);
        }

        var producers = new Dictionary<string, int>(StringComparer.Ordinal);
        var folders = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            foreach (var output in action.Outputs)
                if (!producers.TryAdd(output, action.Index))
                    throw new ActionDefinitionException($"{actions[producers[output]].Label} and {action.Label} both write '{output}'; every output has exactly one producer.");
            foreach (var folder in action.OwnedFolders)
                if (!folders.TryAdd(folder, action.Index))
                    throw new ActionDefinitionException($"{actions[folders[folder]].Label} and {action.Label} both own '{folder}'.");
        }
        foreach (var (path, index) in producers)
            if (OwnerOf(path, folders) is { } owner && owner != index)
                throw new ActionDefinitionException($"{actions[index].Label} writes '{path}' inside '{actions[owner].OwnedFolders.First(f => RelativePath.IsUnder(path, f))}', a folder owned by {actions[owner].Label}.");
        foreach (var (folder, index) in folders)
            if (OwnerOf(folder, folders, exclude: index) is { } outer)
                throw new ActionDefinitionException($"{actions[index].Label} owns '{folder}' inside a folder owned by {actions[outer].Label}.");

        var dependencies = new int[actions.Count][];
        var dependents = new List<int>[actions.Count];
        for (var i = 0; i < actions.Count; i++) dependents[i] = [];
        for (var i = 0; i < actions.Count; i++)
        {
            var set = new SortedSet<int>();
            foreach (var input in actions[i].Inputs)
            {
                int? producer = producers.TryGetValue(input, out var exact) ? exact : OwnerOf(input, folders);
                if (producer is { } p && p != i) set.Add(p);
            }
            dependencies[i] = [.. set];
            foreach (var p in set) dependents[p].Add(i);
        }

        var order = Order(actions, dependencies, dependents);
        return new ActionGraph(actions, dependencies, dependents.Select(d => d.ToArray()).ToArray(), order);
    }

    /// <summary>The action owning a folder that contains <paramref name="path"/>, if any.</summary>
    private static int? OwnerOf(string path, Dictionary<string, int> folders, int exclude = -1)
    {
        if (folders.Count == 0) return null;
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            if (folders.TryGetValue(path[..slash], out var owner) && owner != exclude) return owner;
        return null;
    }

    private static int[] Order(List<PreparedAction> actions, int[][] dependencies, List<int>[] dependents)
    {
        var remaining = dependencies.Select(d => d.Length).ToArray();
        var ready = new PriorityQueue<int, int>();
        for (var i = 0; i < remaining.Length; i++)
            if (remaining[i] == 0) ready.Enqueue(i, i);
        var order = new List<int>(actions.Count);
        while (ready.TryDequeue(out var next, out _))
        {
            order.Add(next);
            foreach (var d in dependents[next])
                if (--remaining[d] == 0) ready.Enqueue(d, d);
        }
        if (order.Count == actions.Count) return [.. order];
        var stuck = Enumerable.Range(0, actions.Count).Where(i => remaining[i] > 0).Select(i => actions[i].Label);
        throw new ActionDefinitionException($"The actions of {actions[0].Target} read each other's outputs in a cycle: {string.Join(", ", stuck)}.");
    }
}
