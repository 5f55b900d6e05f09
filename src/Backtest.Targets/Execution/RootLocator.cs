namespace Backtest.Targets;

/// <summary>Finds the repository root: <c>--root</c>, else the nearest folder holding <c>.nuke/</c> above the working directory (then above the build).</summary>
internal static class RootLocator
{
    public static string Find(string? rootOption, RunEnvironment environment)
    {
        if (rootOption is not null)
        {
            var root = Path.GetFullPath(rootOption, environment.WorkingDirectory);
            if (!Directory.Exists(root)) throw new ParameterException($"--root {rootOption}: the folder {root} does not exist.");
            return root;
        }
        foreach (var start in new[] { environment.WorkingDirectory, environment.FallbackSearchStart })
            for (var directory = start is null ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                if (Directory.Exists(Path.Combine(directory.FullName, ".nuke"))) return directory.FullName;
        throw new ParameterException($"No .nuke folder found above {environment.WorkingDirectory}; run from inside the repository or pass --root.");
    }
}
