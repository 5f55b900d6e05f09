namespace Backtest.Targets;

/// <summary>
/// Base of the runner's typed errors: each carries a message that is complete on its own (what, where, what to do),
/// rendered once as one paragraph at the edge.
/// </summary>
public abstract class BuildException(string message, Exception? inner = null) : Exception(message, inner);
