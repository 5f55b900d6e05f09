using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Backtest.Stages.Tests.Reporting;

/// <summary>A message a page wrote to the browser console, as Chromium logged it to stderr.</summary>
internal sealed record ConsoleMessage(string Severity, string Text, string Source, int Line);

/// <summary>The outcome of one headless Chromium run.</summary>
internal sealed record ChromiumRun(int ExitCode, string Stdout, string Stderr, IReadOnlyList<ConsoleMessage> Console, TimeSpan Elapsed);

/// <summary>
/// Runs Debian's /usr/bin/chromium headless on a local file with a fresh profile and every background service
/// off, captures stdout (the DOM) and stderr (the log), and kills the whole process tree on timeout (the crash
/// handler Chromium detaches to init watches the browser and exits with it).
/// <para>
/// Console messages: with <c>--enable-logging=stderr</c> Chromium logs each console message of a page as
/// <c>[pid:tid:time:LEVEL:CONSOLE:line] "text", source: url (line)</c>. For pages that are not built-in
/// components Chromium deliberately logs every console message at INFO (content/browser/log_console_message.cc:
/// <c>resolved_level = is_builtin_component ? level : LOGGING_INFO</c>), so console.error, uncaught exceptions
/// and CSP violations cannot be told from console.log by the log level. The report writes nothing to the
/// console, so the check treats every console message of the page as an error: stricter than "error level",
/// never weaker.
/// </para>
/// </summary>
internal static partial class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    [GeneratedRegex(":(?<sev>[A-Z_]+):CONSOLE[:(]\\d+\\)?\\] \"(?<text>.*)\", source: (?<src>\\S*) \\((?<line>\\d+)\\)")]
    private static partial Regex ConsoleLine();

    /// <summary>
    /// Loads <paramref name="htmlPath"/> and prints the DOM after load (<c>--dump-dom</c>). Without
    /// <paramref name="javascript"/> the fresh profile blocks page scripts by content setting: the flag
    /// <c>--blink-settings=scriptEnabled=false</c> would also stop the DevTools evaluation that dumps the DOM.
    /// </summary>
    public static ChromiumRun DumpDom(string htmlPath, bool javascript = true, int timeoutMs = 20_000) =>
        Run(["--dump-dom"], htmlPath, timeoutMs, javascript);

    /// <summary>Loads <paramref name="htmlPath"/> in a <paramref name="width"/>×<paramref name="height"/> window and writes a PNG.</summary>
    public static ChromiumRun Screenshot(string htmlPath, string pngPath, int width, int height, int timeoutMs = 20_000) =>
        Run(["--hide-scrollbars", $"--window-size={width},{height}", $"--screenshot={pngPath}"], htmlPath, timeoutMs);

    /// <summary>Every page console message in a Chromium stderr log.</summary>
    public static IReadOnlyList<ConsoleMessage> ConsoleMessages(string stderr)
    {
        var messages = new List<ConsoleMessage>();
        foreach (var line in stderr.Split('\n'))
        {
            var m = ConsoleLine().Match(line);
            if (m.Success)
                messages.Add(new ConsoleMessage(m.Groups["sev"].Value, m.Groups["text"].Value, m.Groups["src"].Value,
                    int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture)));
        }
        return messages;
    }

    private static ChromiumRun Run(IReadOnlyList<string> modeArgs, string htmlPath, int timeoutMs, bool javascript = true)
    {
        var profile = Path.Combine(Path.GetTempPath(), $"backtest-chromium-{Guid.NewGuid():N}");
        Directory.CreateDirectory(profile);
        if (!javascript)
        {
            Directory.CreateDirectory(Path.Combine(profile, "Default"));
            File.WriteAllText(Path.Combine(profile, "Default", "Preferences"),
                "{\"profile\":{\"default_content_setting_values\":{\"javascript\":2}}}");
        }
        var psi = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        // Chromium's crash handler and caches follow XDG folders, not --user-data-dir: keep them in the temp profile too.
        psi.Environment["XDG_CONFIG_HOME"] = Path.Combine(profile, "xdg-config");
        psi.Environment["XDG_CACHE_HOME"] = Path.Combine(profile, "xdg-cache");
        foreach (var a in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                     "--disable-default-apps", "--mute-audio", $"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0"])
            psi.ArgumentList.Add(a);
        foreach (var a in modeArgs) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri);

        var clock = Stopwatch.StartNew();
        try
        {
            using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {Executable}");
            p.StandardInput.Close();
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(timeoutMs))
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit(5_000);
                throw new TimeoutException($"{Executable} did not finish {htmlPath} in {timeoutMs} ms and was killed (with its children)");
            }
            p.WaitForExit();
            // Children (zygote, renderer) may hold the pipes a moment longer than the browser process.
            if (!Task.WaitAll([stdout, stderr], 5_000))
                throw new TimeoutException($"{Executable} exited but its output pipes stayed open for 5 s (a child process survived?)");
            return new ChromiumRun(p.ExitCode, stdout.Result, stderr.Result, ConsoleMessages(stderr.Result), clock.Elapsed);
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
