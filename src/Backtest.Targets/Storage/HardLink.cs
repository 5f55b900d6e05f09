using System.Runtime.InteropServices;

namespace Backtest.Targets;

/// <summary>
/// Creates hard links (the BCL has no API for them) so that a blob and its output share one copy of the bytes;
/// callers fall back to copying when linking is impossible (another file system, FAT, permissions).
/// </summary>
internal static class HardLink
{
    /// <summary>Links <paramref name="newPath"/> to the file at <paramref name="existingPath"/>; false when the platform or file system refuses.</summary>
    public static bool TryCreate(string existingPath, string newPath)
    {
        try
        {
            if (OperatingSystem.IsWindows())
                return CreateHardLinkW(newPath, existingPath, IntPtr.Zero);
            return Link(existingPath, newPath) == 0;
        }
        catch (DllNotFoundException) { return false; }
        catch (EntryPointNotFoundException) { return false; }
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link(string oldpath, string newpath);

    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool CreateHardLinkW(string lpFileName, string lpExistingFileName, IntPtr lpSecurityAttributes);
}
