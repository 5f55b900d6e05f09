using Backtest.Core.Market;
using Backtest.Core.Time;

namespace Backtest.Stages.Pipeline;

/// <summary>
/// What a pipeline run is about, resolved from the build's parameters: symbols, source, market,
/// timeframe, window and the simulator's settings. Stages read only the fields they declare.
/// </summary>
public sealed record PipelineSettings
{
    /// <summary>Repository root (spec/ and data/ live under it).</summary>
    public required string Root { get; init; }
    /// <summary>Symbols, upper case, sorted and distinct.</summary>
    public required IReadOnlyList<string> Symbols { get; init; }
    /// <summary>"sim" or "binance".</summary>
    public required string Source { get; init; }
    /// <summary>Perpetual or spot.</summary>
    public MarketKind Market { get; init; } = MarketKind.Perp;
    /// <summary>Bar timeframe.</summary>
    public Timeframe Timeframe { get; init; } = new(5);
    /// <summary>Optional first bar close kept by Clean (exclusive), ms UTC.</summary>
    public long? From { get; init; }
    /// <summary>Optional last bar close kept by Clean (inclusive), ms UTC.</summary>
    public long? To { get; init; }
    /// <summary>Folder of Binance files (source binance).</summary>
    public string? RawDir { get; init; }
    /// <summary>Simulator base seed (the simulator derives each symbol's seed and the shared market factor from it).</summary>
    public ulong SimSeed { get; init; } = 42;
    /// <summary>Simulator start (ms UTC, midnight).</summary>
    public long SimStart { get; init; }
    /// <summary>Simulated days.</summary>
    public int SimDays { get; init; } = 730;
    /// <summary>Root-relative effects file, or null for none.</summary>
    public string? SimEffects { get; init; }

    /// <summary>True when the data is synthetic (every report says so).</summary>
    public bool Synthetic => Source == Sources.Sim;
}

/// <summary>The names of the data sources.</summary>
public static class Sources
{
    /// <summary>The built-in deterministic market simulator (default: runs offline).</summary>
    public const string Sim = "sim";
    /// <summary>Binance Data Vision files from --raw-dir.</summary>
    public const string Binance = "binance";
    /// <summary>All sources.</summary>
    public static readonly IReadOnlyList<string> All = [Sim, Binance];
}
