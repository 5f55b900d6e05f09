namespace Backtest.Cli.Run;

/// <summary>Finds the Backtest repository a command runs in, as NUKE does: the nearest folder upwards that holds .nuke/.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository root at or above <paramref name="start"/>, or null outside a repository.</summary>
    public static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, ".nuke"))) return dir.FullName;
        return null;
    }
}
