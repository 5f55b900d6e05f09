using System.Globalization;
using Backtest.Core.Market;
using Backtest.Core.Simulation;
using Backtest.Core.Time;
using Backtest.Lake.Files;
using Backtest.Lake.Layout;
using Backtest.Lake.Sources;
using Backtest.Lake.Sources.Binance;
using Backtest.Lake.Specs;
using Backtest.Lake.Tables;
using Backtest.Stages.Pipeline;
using Backtest.Targets;

namespace Backtest.Stages.Ingest;

/// <summary>
/// Ingest: one action per symbol, from the simulator (keyed by its parameters and effects spec) or from
/// Binance files (keyed by the content of exactly the files of that symbol). Writes the raw lake.
/// </summary>
public static class IngestStage
{
    /// <summary>What was ingested, for provenance (written beside the raw klines).</summary>
    public sealed record IngestManifest(string Symbol, string Source, string Market, string Timeframe, int Klines, int FundingSettlements,
        int OpenInterestRows, long FirstTs, long LastTs, IReadOnlyList<string> Files, int PlantedOccurrences);

    /// <summary>The actions for the run's symbols.</summary>
    public static IEnumerable<BuildAction> Actions(PipelineSettings s)
    {
        if (!Sources.All.Contains(s.Source))
            throw new ArgumentException($"unknown source '{s.Source}': use one of {string.Join(", ", Sources.All)} (--source)");
        if (s.Symbols.Count == 0) throw new ArgumentException("no symbols: pass --symbols BTCUSDT [ETHUSDT …]");
        return s.Source == Sources.Sim ? SimActions(s) : BinanceActions(s);
    }

    private static string[] Outputs(PipelineSettings s, string symbol) =>
    [
        LakeLayout.RawKlines(s.Market, symbol, s.Timeframe),
        LakeLayout.RawFunding(s.Market, symbol),
        LakeLayout.RawOpenInterest(s.Market, symbol),
        LakeLayout.IngestManifest(s.Market, symbol, s.Timeframe),
    ];

    private static IEnumerable<BuildAction> SimActions(PipelineSettings s)
    {
        if (s.Market != MarketKind.Perp) throw new ArgumentException("the simulator makes USDT-margined perpetuals: use --market perp with --source sim");
        // Parse the effects once up front: a bad effects file fails before anything runs.
        var effects = s.SimEffects is null ? [] : SimEffectsLoader.Load(s.Root, s.SimEffects);
        foreach (var symbol in s.Symbols)
        {
            var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["source"] = s.Source,
                ["market"] = s.Market.ToFolder(),
                ["timeframe"] = s.Timeframe.ToString(),
                ["sim_seed"] = s.SimSeed.ToString(CultureInfo.InvariantCulture),
                ["sim_start"] = UtcTime.Iso(s.SimStart),
                ["sim_days"] = s.SimDays.ToString(CultureInfo.InvariantCulture),
            };
            yield return new BuildAction
            {
                Partition = symbol,
                Code = StageCode.Assemblies,
                Parameters = parameters,
                // Only the effects planted into this symbol count: editing ETH's effect does not rerun BTC.
                SpecDigests = s.SimEffects is null
                    ? new SortedDictionary<string, string>()
                    : new SortedDictionary<string, string>(StringComparer.Ordinal) { [s.SimEffects] = EffectsDigest(effects, symbol) },
                Outputs = Outputs(s, symbol),
                Run = ctx =>
                {
                    var settings = new SimulationSettings(symbol, s.SimSeed, s.SimStart, s.SimDays, s.Timeframe, effects);
                    var market = MarketSimulator.Simulate(settings);
                    Write(ctx, s, symbol, market.Klines, market.Funding, market.OpenInterest, [], market.Planted.Count);
                    ctx.Info = string.Create(CultureInfo.InvariantCulture, $"{market.Klines.Count:N0} bars, {market.Planted.Count:N0} planted occurrences");
                },
            };
        }
    }

    /// <summary>SHA-256 of the canonical text of the effects that apply to <paramref name="symbol"/>.</summary>
    internal static string EffectsDigest(IReadOnlyList<PlantedEffect> effects, string symbol)
    {
        var lines = effects
            .Where(e => e.Symbols is null || e.Symbols.Count == 0 || e.Symbols.Contains(symbol, StringComparer.OrdinalIgnoreCase))
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Id}|{e.Trigger.ToName()}|{e.Threshold:R}|{e.DriftBps:R}|{e.HorizonBars}"));
        return Hashing.Sha256Hex(string.Join("\n", lines));
    }

    private static IEnumerable<BuildAction> BinanceActions(PipelineSettings s)
    {
        if (string.IsNullOrWhiteSpace(s.RawDir))
            throw new ArgumentException("source binance needs --raw-dir: the folder of Binance Data Vision files (e.g. ../shared/data/real)");
        var rawDir = Path.GetFullPath(Path.Combine(s.Root, s.RawDir));
        var folder = BinanceRawFolder.Scan(rawDir);
        foreach (var symbol in s.Symbols)
        {
            var files = folder.KlineFiles(s.Market, symbol, s.Timeframe)
                .Concat(s.Market == MarketKind.Perp ? folder.FundingFiles(symbol) : [])
                .Concat(s.Market == MarketKind.Perp ? folder.MetricsFiles(symbol) : [])
                .Select(f => Path.GetRelativePath(s.Root, f.Path).Replace('\\', '/'))
                .Order(StringComparer.Ordinal).ToArray();
            yield return new BuildAction
            {
                Partition = symbol,
                Code = StageCode.Assemblies,
                Parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["source"] = s.Source,
                    ["market"] = s.Market.ToFolder(),
                    ["timeframe"] = s.Timeframe.ToString(),
                },
                Inputs = files,
                Outputs = Outputs(s, symbol),
                Run = ctx =>
                {
                    var import = BinanceImporter.Import(folder, s.Market, symbol, s.Timeframe);
                    var funding = import.Funding ?? new FundingSeries([], [], []);
                    var oi = import.OpenInterest ?? new OpenInterestSeries([], [], []);
                    Write(ctx, s, symbol, import.Klines, funding, oi, files, 0);
                    ctx.Info = string.Create(CultureInfo.InvariantCulture,
                        $"{import.Klines.Count:N0} bars, {funding.Count:N0} funding prints, {oi.Count:N0} open-interest rows from {files.Length} files");
                },
            };
        }
    }

    private static void Write(ActionContext ctx, PipelineSettings s, string symbol, KlineSeries klines, FundingSeries funding,
        OpenInterestSeries oi, IReadOnlyList<string> files, int planted)
    {
        var meta = new Dictionary<string, string>
        {
            [LakeMetadata.Producer] = $"{ctx.Target}[{ctx.Partition}]",
            [LakeMetadata.Symbol] = symbol,
            [LakeMetadata.Source] = s.Source,
        };
        var o = Outputs(s, symbol);
        LakeTables.WriteKlines(ctx.OutputPath(o[0]), klines, new Dictionary<string, string>(meta) { [LakeMetadata.Timeframe] = s.Timeframe.ToString() });
        LakeTables.WriteFunding(ctx.OutputPath(o[1]), funding, meta);
        LakeTables.WriteOpenInterest(ctx.OutputPath(o[2]), oi, meta);
        LakeJson.Write(ctx.OutputPath(o[3]), new IngestManifest(symbol, s.Source, s.Market.ToFolder(), s.Timeframe.ToString(), klines.Count,
            funding.Count, oi.Count, klines.Count > 0 ? klines.Ts[0] : 0, klines.Count > 0 ? klines.Ts[^1] : 0, files, planted));
    }
}
