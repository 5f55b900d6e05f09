namespace Backtest.Targets;

/// <summary>An action failed: its exception, a missing input, or a declared output it did not write.</summary>
public sealed class ActionFailedException(string target, string partition, string message, Exception? inner = null)
    : BuildException($"{target}[{partition}]: {message}", inner)
{
    /// <summary>The target of the failed action.</summary>
    public string Target { get; } = target;

    /// <summary>The partition of the failed action.</summary>
    public string Partition { get; } = partition;

    /// <summary>What went wrong, without the action label.</summary>
    public string Detail { get; } = message;
}
