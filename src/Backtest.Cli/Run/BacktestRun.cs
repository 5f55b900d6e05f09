using Backtest.Core.Costs;
using Backtest.Core.Engine;
using Backtest.Core.Statistics;
using Backtest.Core.Strategies;
using Backtest.Core.Strategies.Compilation;
using Backtest.Lake.Bars;
using Backtest.Lake.Specs;

namespace Backtest.Cli.Run;

/// <summary>
/// One blueprint over one bars file, start to finish in memory: find the repository and specs, load and check the
/// blueprint, its cost file and digest, the bars; compile (features computed on demand) and run the research
/// kernel; compute the figures. Writes nothing: a failure anywhere leaves no file behind.
/// </summary>
public static class BacktestRun
{
    /// <summary>Runs <paramref name="options"/>; throws the typed exception of the first input that cannot be used.</summary>
    public static RunOutcome Execute(RunOptions options, CliEnvironment env)
    {
        var root = RepositoryRoot.Find(env.CurrentDirectory);
        var specFolder = options.Spec is { } s ? env.Resolve(s) : root is null ? null : Path.Combine(root, "spec");
        var specs = specFolder is null ? SpecCatalog.Empty() : SpecCatalog.Load(specFolder);

        var (costs, digest, costsFile) = LoadCosts(options, env, specs);

        var blueprintPath = env.Resolve(options.Blueprint);
        if (!File.Exists(blueprintPath)) throw new SpecException(options.Blueprint, 1, 1, "file not found");
        var blueprint = BlueprintFile.Parse(options.Blueprint, File.ReadAllText(blueprintPath), specs.KnownNames, specs.EventIds);
        blueprint.EnsureCostDigest(digest);

        var read = BarsFile.Read(env.Resolve(options.Bars), blueprint.Timeframe, blueprint.Symbol);
        var bars = read.Bars;
        var events = specs.LoadEvents(blueprint.Trigger.Event is { } e ? [e] : []);
        var columns = FeatureColumns.OnDemand(specs.Features, bars);
        var strategy = StrategyCompiler.Compile(blueprint, bars, columns.Get, events);

        var kernel = new ResearchKernel(EngineModels.FromCosts(costs, options.LeverageCap), options.Capital);
        var result = kernel.Run(strategy, bars);
        var performance = Performance(result, bars, options.Capital);
        var output = env.Resolve(options.Out ?? Path.Combine("backtest-out", blueprint.Id));
        return new RunOutcome(blueprint, options.Blueprint, bars, read.Report, costsFile, digest, options.Capital, result,
            result.Ledger.Totals(), performance, output);
    }

    private static (CostSettings Costs, string Digest, string File) LoadCosts(RunOptions options, CliEnvironment env, SpecCatalog specs)
    {
        if (options.Costs is { } given)
        {
            var (settings, digest) = CostsLoader.Load(env.Resolve("."), given);
            return (settings, digest, given);
        }
        if (specs.Root is null)
            throw new RunInputException("no cost file: pass --costs FILE, or run inside a Backtest repository (a folder with .nuke/ at or above the current one), whose spec/costs.yaml is then used");
        var (s, d) = CostsLoader.Load(specs.Root, CostsLoader.DefaultPath);
        return (s, d, Path.Combine(specs.Root, CostsLoader.DefaultPath));
    }

    /// <summary>The walk-forward figures of this run: equity per bar, notional held and traded, closed trades' net returns.</summary>
    private static PerformanceSummary Performance(ResearchResult result, Core.Bars.BarFrame bars, double capital)
    {
        var n = bars.Count;
        var ledger = result.Ledger;
        var held = new double[n];
        var traded = new double[n];
        for (var t = 0; t < n; t++) held[t] = ledger.Position[t] * bars.Close[t];
        foreach (var fill in result.Fills) traded[fill.Bar] += Math.Abs(fill.Quantity) * fill.Price;
        var returns = new double[result.Trades.Count];
        for (var i = 0; i < returns.Length; i++)
        {
            var trade = result.Trades[i];
            returns[i] = trade.NetPnl / (Math.Abs(trade.Quantity) * trade.EntryPrice);
        }
        return PerformanceMetrics.Compute(bars.Timeframe, capital, bars.Ts, ledger.Equity, held, traded, returns);
    }
}
