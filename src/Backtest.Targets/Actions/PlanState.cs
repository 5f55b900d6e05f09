namespace Backtest.Targets;

/// <summary>
/// What <c>--plan</c> knows about files the planned run would produce: outputs of actions that would be up to date
/// or restored have known content (from their records), outputs of actions that would run are pending. Carried
/// from target to target so downstream actions are planned against the content they would really see.
/// </summary>
internal sealed class PlanState
{
    private readonly Dictionary<string, string> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pendingFolders = new(StringComparer.Ordinal);

    /// <summary>The predicted content hash of a path, if an earlier planned action fixes it.</summary>
    public string? KnownHash(string path) => _known.GetValueOrDefault(path);

    /// <summary>The label of the planned action whose run would produce <paramref name="path"/>, if any.</summary>
    public string? PendingProducer(string path)
    {
        if (_pending.TryGetValue(path, out var label)) return label;
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            if (_pendingFolders.TryGetValue(path[..slash], out label)) return label;
        return null;
    }

    /// <summary>Notes outputs whose content is known from a record.</summary>
    public void Known(IEnumerable<RecordedOutput> outputs)
    {
        foreach (var output in outputs)
        {
            _known[output.Path] = output.Sha256;
            _pending.Remove(output.Path);
        }
    }

    /// <summary>Notes that <paramref name="action"/> would run (or waits), so its outputs are not known yet.</summary>
    public void Pending(PreparedAction action)
    {
        foreach (var output in action.Outputs)
        {
            _pending[output] = action.Label;
            _known.Remove(output);
        }
        foreach (var folder in action.OwnedFolders) _pendingFolders[folder] = action.Label;
    }
}
