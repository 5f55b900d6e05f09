using System.Diagnostics;

namespace Backtest.Targets.Tests;

/// <summary>A fact needing two file systems (the temp folder and /dev/shm): hard links between them are impossible.</summary>
public sealed class CrossDeviceFactAttribute : FactAttribute
{
    public CrossDeviceFactAttribute()
    {
        if (!Directory.Exists("/dev/shm") || Device(Path.GetTempPath()) is not { } temp || Device("/dev/shm") is not { } shm)
            Skip = "needs /dev/shm (Linux) to put a file on another file system";
        else if (temp == shm)
            Skip = "the temp folder and /dev/shm are on the same file system here";
    }

    private static string? Device(string path)
    {
        try
        {
            using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%d", path]) { RedirectStandardOutput = true, UseShellExecute = false });
            if (stat is null) return null;
            var output = stat.StandardOutput.ReadToEnd().Trim();
            stat.WaitForExit();
            return stat.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }
}
