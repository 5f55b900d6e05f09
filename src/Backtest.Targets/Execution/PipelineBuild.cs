using System.Collections;
using System.Linq.Expressions;
using System.Runtime.InteropServices;
using System.Text;

namespace Backtest.Targets;

/// <summary>
/// Base class of a build (NUKE's NukeBuild): <c>class Build : PipelineBuild { public static int Main() =>
/// Execute&lt;Build&gt;(x => x.Walkforward); }</c>. Targets are <see cref="Target"/> properties, parameters are
/// <see cref="ParameterAttribute"/> fields; the runner plans, caches and reports.
/// </summary>
public abstract class PipelineBuild
{
    private Func<ActionCache>? _cache;
    private BuildLog? _log;

    /// <summary>Runs the build with the process's arguments; returns the exit code (0 success, 1 failure, 130 aborted).</summary>
    protected static int Execute<T>(params Expression<Func<T, Target>>[] defaultTargets) where T : PipelineBuild, new()
    {
        Console.OutputEncoding = Encoding.UTF8;
        using var abort = new CancellationTokenSource();
        var presses = 0;
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            // First Ctrl-C: cancel running actions and finish cleanly. Second: let the process die (the next run sweeps).
            if (Interlocked.Increment(ref presses) > 1) return;
            e.Cancel = true;
            abort.Cancel();
        }
        Console.CancelKeyPress += OnCancel;
        PosixSignalRegistration? terminate = null;
        try { terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; abort.Cancel(); }); }
        catch (PlatformNotSupportedException) { }
        try
        {
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
                environment[(string)entry.Key] = entry.Value as string ?? "";
            var args = Environment.GetCommandLineArgs()[1..];
            var names = defaultTargets.Select(TargetName).ToList();
            return BuildRunner.Run(new T(), names, new RunEnvironment
            {
                Args = args,
                Environment = environment,
                WorkingDirectory = Directory.GetCurrentDirectory(),
                Console = Console.Out,
                Color = !Console.IsOutputRedirected && !environment.ContainsKey("NO_COLOR"),
                Cancellation = abort.Token,
                Command = string.Join(' ', ["build", .. args]),
                FallbackSearchStart = AppContext.BaseDirectory,
            });
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
            terminate?.Dispose();
        }
    }

    /// <summary>The repository root: <c>--root</c>, else the nearest folder above the working directory holding <c>.nuke/</c>.</summary>
    public string RootDirectory { get; internal set; } = "";

    /// <summary><c>RootDirectory/data</c>: the lake, caches, reports and runtime state.</summary>
    public string DataDirectory => Path.Combine(RootDirectory, "data");

    /// <summary>The action cache of the data folder (for CacheGc and tests); available once targets run.</summary>
    public ActionCache Cache => _cache?.Invoke() ?? throw new InvalidOperationException("The action cache is available once targets start running.");

    /// <summary>The verbosity chosen with <c>--verbosity</c>.</summary>
    public Verbosity Verbosity { get; internal set; } = Verbosity.Normal;

    /// <summary>The log, for uncached steps: <c>Log.Information("...")</c>.</summary>
    public BuildLog Log => _log ?? throw new InvalidOperationException("The log is available once the build runs.");

    /// <summary>Cancelled by Ctrl-C: long uncached steps (tests, certification) should honour it.</summary>
    public CancellationToken Cancellation { get; private set; }

    /// <summary>The summary-table info of the running target (e.g. "812 passed, 0 failed").</summary>
    protected void ReportSummary(string text)
    {
        if (CurrentTarget is { } target) target.Info = target.Info is null ? text : $"{target.Info}; {text}";
    }

    /// <summary>
    /// A line printed after the closing "Build succeeded" line, for what the user came for (e.g. the path of a
    /// report); lines appear in the order reported.
    /// </summary>
    protected void ReportOutcome(string line) => Outcomes.Add(line);

    internal List<string> Outcomes { get; } = [];

    internal ExecutableTarget? CurrentTarget { get; set; }

    internal void Attach(BuildLog log, CancellationToken cancellation)
    {
        _log = log;
        Cancellation = cancellation;
    }

    internal void AttachCache(Func<ActionCache> cache) => _cache = cache;

    private static string TargetName<T>(Expression<Func<T, Target>> expression) =>
        expression.Body is MemberExpression member ? member.Member.Name
        : throw new TargetDefinitionException($"Default target expression '{expression}' must name a target property (x => x.Walkforward).");
}
