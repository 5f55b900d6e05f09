namespace Backtest.Targets;

/// <summary>
/// The runner's log: the console (coloured when it is a terminal) and the same text in <c>.nuke/temp/build.log</c>.
/// Build code logs through it (<c>Log.Information(...)</c>, as with NUKE's Serilog) so output respects
/// <c>--verbosity</c>. Safe to call from parallel actions.
/// </summary>
public sealed class BuildLog : IDisposable
{
    private readonly TextWriter _console;
    private readonly bool _color;
    private readonly object _gate = new();
    private StreamWriter? _file;

    internal BuildLog(TextWriter console, bool color, Verbosity verbosity)
    {
        _console = console;
        _color = color;
        Verbosity = verbosity;
    }

    /// <summary>The level chosen with <c>--verbosity</c>.</summary>
    public Verbosity Verbosity { get; internal set; }

    /// <summary>A line shown at normal verbosity and above.</summary>
    public void Information(string message) => Write(Verbosity.Normal, message, Tone.Plain);

    /// <summary>A line shown at verbose only.</summary>
    public void Verbose(string message) => Write(Verbosity.Verbose, message, Tone.Dim);

    /// <summary>A warning, shown from minimal verbosity up.</summary>
    public void Warning(string message) => Write(Verbosity.Minimal, message, Tone.Warning);

    /// <summary>An error, always shown.</summary>
    public void Error(string message) => Write(Verbosity.Quiet, message, Tone.Error);

    internal void Write(Verbosity minimum, string message, Tone tone)
    {
        if (Verbosity < minimum) return;
        lock (_gate)
        {
            if (_color && tone != Tone.Plain) _console.WriteLine(Colour(tone) + message + "\u001b[0m");
            else _console.WriteLine(message);
            _file?.WriteLine(message);
        }
    }

    /// <summary>Starts copying the log into <paramref name="path"/> (truncated).</summary>
    internal void AttachFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        lock (_gate)
        {
            _file?.Dispose();
            _file = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), new System.Text.UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        }
    }

    /// <summary>Flushes the console and closes the log file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _console.Flush();
            _file?.Dispose();
            _file = null;
        }
    }

    private static string Colour(Tone tone) => tone switch
    {
        Tone.Success => "\u001b[32m",
        Tone.Warning => "\u001b[33m",
        Tone.Error => "\u001b[31m",
        Tone.Dim => "\u001b[90m",
        Tone.Heading => "\u001b[1;36m",
        _ => "",
    };

    /// <summary>How a line is coloured on a terminal.</summary>
    internal enum Tone { Plain, Dim, Success, Warning, Error, Heading }
}
