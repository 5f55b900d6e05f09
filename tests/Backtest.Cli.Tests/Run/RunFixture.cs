using Backtest.Testing;

namespace Backtest.Cli.Tests.Run;

/// <summary>One generated bars file shared by the end-to-end tests (each test writes into its own output folder).</summary>
public sealed class RunFixture : IDisposable
{
    public const int Rows = 6000;

    public RunFixture()
    {
        Folder = TempRoot.Create("backtest-cli");
        Bars = Path.Combine(Folder, "bars.csv");
        GeneratedBars.Write(Bars, Rows, 20240101);
    }

    /// <summary>A temporary folder outside any repository: the tests' current folder.</summary>
    public string Folder { get; }

    /// <summary>The generated 5m bars CSV.</summary>
    public string Bars { get; }

    /// <summary>The repository's spec folder.</summary>
    public static string Spec => Path.Combine(RepoPaths.Root, "spec");

    /// <summary>A shipped example blueprint.</summary>
    public static string Example(string name) => Path.Combine(RepoPaths.Root, "examples", "blueprints", name + ".yaml");

    /// <summary>A fresh output folder path (not created).</summary>
    public string Out() => Path.Combine(Folder, "out-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(Folder, true);
}
