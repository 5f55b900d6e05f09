namespace Backtest.Targets;

/// <summary>
/// What a running action sees: its identity and key (stages stamp the key into file metadata), the cancellation
/// token, and paths. Outputs are written to temporary files that the runner commits by rename after
/// <see cref="BuildAction.Run"/> returns, so a crash never leaves a torn artifact.
/// </summary>
public sealed class ActionContext
{
    private readonly PreparedAction _action;
    private readonly Action<string> _log;
    private readonly Dictionary<string, string> _temporaries = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    internal ActionContext(PreparedAction action, string key, string rootDirectory, CancellationToken cancellation, Action<string> log)
    {
        _action = action;
        _log = log;
        Key = key;
        RootDirectory = rootDirectory;
        Cancellation = cancellation;
    }

    /// <summary>The target this action belongs to.</summary>
    public string Target => _action.Target;

    /// <summary>The action's partition within its target.</summary>
    public string Partition => _action.Partition;

    /// <summary>The action key (lowercase hex SHA-256).</summary>
    public string Key { get; }

    /// <summary>The absolute repository root.</summary>
    public string RootDirectory { get; }

    /// <summary>Cancelled when the user aborts the run (Ctrl-C): stop early, the runner discards the outputs.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>A short result shown on the action's log line, e.g. "236,448 bars".</summary>
    public string? Info { get; set; }

    /// <summary>The absolute path of a declared input or spec file.</summary>
    public string InputPath(string relativePath)
    {
        var path = RelativePath.Normalize(relativePath, $"input of {_action.Label}", allowParent: true);
        if (!_action.ReadsPath(path))
            throw new ArgumentException($"{_action.Label} reads '{path}' but does not declare it in Inputs or Specs; undeclared reads would not enter the action key.", nameof(relativePath));
        return RelativePath.ToAbsolute(RootDirectory, path);
    }

    /// <summary>
    /// The absolute temporary path to write a declared output (or a file under an owned folder); the runner
    /// renames it into place after <see cref="BuildAction.Run"/> returns. Its folder exists.
    /// </summary>
    public string OutputPath(string relativePath)
    {
        var path = RelativePath.Normalize(relativePath, $"output of {_action.Label}");
        if (!_action.WritesPath(path))
            throw new ArgumentException($"{_action.Label} writes '{path}' but it is neither a declared output nor under one of its owned folders.", nameof(relativePath));
        lock (_gate)
        {
            if (_temporaries.TryGetValue(path, out var existing)) return existing;
            var final = RelativePath.ToAbsolute(RootDirectory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            var temporary = TemporaryFiles.NameFor(final);
            _temporaries.Add(path, temporary);
            return temporary;
        }
    }

    /// <summary>A progress or diagnostic line, shown at verbose.</summary>
    public void Log(string message) => _log(message);

    /// <summary>Root-relative final path → temporary absolute path of every output requested so far.</summary>
    internal IReadOnlyDictionary<string, string> Temporaries
    {
        get { lock (_gate) return new Dictionary<string, string>(_temporaries, StringComparer.Ordinal); }
    }
}
