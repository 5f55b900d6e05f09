namespace Backtest.Testing;

/// <summary>Where the repository and the shared reference data are, found from the test's working folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Backtest.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Backtest.sln not found above {AppContext.BaseDirectory}");
    });

    /// <summary>The repository root (the folder holding Backtest.sln).</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>`../shared` beside the clone: present in CI and on engineers' machines, never needed by the product.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The real Binance sample data (see its SOURCES.md).</summary>
    public static string RealData => Path.Combine(Shared, "data", "real");

    /// <summary>True when CI=true: a skipped required check must then fail.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
