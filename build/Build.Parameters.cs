using Backtest.Core.Market;
using Backtest.Core.Time;
using Backtest.Stages.Pipeline;
using Backtest.Targets;

/// <summary>The pipeline's parameters: --symbols, --source, … (CLI, then environment, then .nuke/parameters.json, then these defaults).</summary>
partial class Build
{
    [Parameter("Symbols to research, e.g. --symbols BTCUSDT ETHUSDT")]
    readonly string[] Symbols = ["BTCUSDT"];

    [Parameter("Data source: sim (built-in deterministic simulator, offline) or binance (files in --raw-dir)")]
    readonly string Source = "sim";

    [Parameter("Market: perp (USDT-margined perpetual) or spot")]
    readonly string Market = "perp";

    [Parameter("Bar timeframe: 1m, 5m, 15m, 1h, 4h, 1d")]
    readonly string Timeframe = "5m";

    [Parameter("Keep bars closing after this UTC date/time (e.g. 2024-01-01); default: all")]
    readonly string? From;

    [Parameter("Keep bars closing at or before this UTC date/time; default: all")]
    readonly string? To;

    [Parameter("Folder of Binance Data Vision files for --source binance (e.g. ../shared/data/real)")]
    readonly string? RawDir;

    [Parameter("Simulator: base seed (each symbol derives its own stable seed)")]
    readonly long SimSeed = 42;

    [Parameter("Simulator: first day, UTC")]
    readonly string SimStart = "2023-01-01";

    [Parameter("Simulator: number of days")]
    readonly int SimDays = 730;

    [Parameter("Simulator: effects file planting known truths (docs/simulator.md), or none")]
    readonly string SimEffects = "spec/sim_effects.yaml";

    [Parameter("Certify: rewrite golden/expected with this run's artifacts instead of comparing")]
    readonly bool Accept;

    /// <summary>The run's settings for the stages, validated once.</summary>
    PipelineSettings Settings => _settings ??= MakeSettings();
    PipelineSettings? _settings;

    PipelineSettings MakeSettings()
    {
        if (!MarketKindNames.TryParse(Market, out var market)) throw new ArgumentException($"unknown market '{Market}': use perp or spot (--market)");
        if (!Backtest.Core.Time.Timeframe.TryParse(Timeframe, out var tf)) throw new ArgumentException($"'{Timeframe}' is not a timeframe: use e.g. 5m, 1h (--timeframe)");
        return new PipelineSettings
        {
            Root = RootDirectory,
            Symbols = Symbols.Select(x => x.Trim().ToUpperInvariant()).Where(x => x.Length > 0).Distinct().Order(StringComparer.Ordinal).ToArray(),
            Source = Source.Trim().ToLowerInvariant(),
            Market = market,
            Timeframe = tf,
            From = Date(From, "from"),
            To = Date(To, "to"),
            RawDir = RawDir,
            SimSeed = unchecked((ulong)SimSeed),
            SimStart = Date(SimStart, "sim-start") ?? 0,
            SimDays = SimDays,
            SimEffects = string.Equals(SimEffects, "none", StringComparison.OrdinalIgnoreCase) ? null : SimEffects,
        };
    }

    static long? Date(string? text, string name) =>
        string.IsNullOrWhiteSpace(text) ? null
        : UtcTime.TryParse(text, out var ms) ? ms
        : throw new ArgumentException($"--{name} '{text}' is not a UTC date: use 2024-01-01 or 2024-01-01T08:00");
}
