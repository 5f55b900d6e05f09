namespace Backtest.Targets;

/// <summary>Another pipeline holds the data folder's lock; names the holder so the user knows what to wait for.</summary>
public sealed class PipelineLockedException : BuildException
{
    internal PipelineLockedException(string lockPath, LockOwner? owner)
        : base(Describe(lockPath, owner))
    {
        HolderPid = owner?.Pid;
    }

    /// <summary>The PID of the holder when known.</summary>
    public int? HolderPid { get; }

    private static string Describe(string lockPath, LockOwner? owner) => owner is null
        ? $"Another pipeline holds {lockPath} (its details are not readable yet). Wait for it to finish; the lock is released when that process exits."
        : $"Another pipeline holds {lockPath}: PID {owner.Pid} on {owner.Host}, running `{owner.Command}` since {owner.Since}. " +
          "Wait for it to finish or stop it; the lock is released when that process exits.";
}
