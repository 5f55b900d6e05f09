namespace Backtest.Cli;

/// <summary>
/// What a command sees of the world it runs in: where to print, the folder relative paths start from, and whether a
/// person is watching a terminal (tables) or the output is redirected (plain text). Tests pass their own.
/// </summary>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, string CurrentDirectory, bool Interactive)
{
    /// <summary>The process's console and working folder.</summary>
    public static CliEnvironment FromConsole() =>
        new(Console.Out, Console.Error, Environment.CurrentDirectory, !Console.IsOutputRedirected);

    /// <summary><paramref name="path"/> as the process can open it: relative paths start at <see cref="CurrentDirectory"/>.</summary>
    public string Resolve(string path) =>
        Path.IsPathRooted(path) || string.Equals(Path.GetFullPath(CurrentDirectory), Path.GetFullPath(Environment.CurrentDirectory), StringComparison.Ordinal)
            ? path
            : Path.Combine(CurrentDirectory, path);
}
