namespace Backtest.Testing;

/// <summary>A fresh, empty folder for a test's repository root or data folder.</summary>
public static class TempRoot
{
    /// <summary>Creates and returns a new folder under the system temp path.</summary>
    public static string Create(string prefix = "backtest-test")
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
