using System.Globalization;
using Backtest.Core.Features;
using Backtest.Lake.Layout;
using Backtest.Lake.Specs;
using Backtest.Lake.Tables;
using Backtest.Stages.Pipeline;
using Backtest.Targets;

namespace Backtest.Stages.Features;

/// <summary>
/// Features: one action per (symbol, feature). An action reads the bars, the columns of the features it is
/// built on, and its own spec in normalised form (operator, inputs, parameters; not the description), so
/// editing one feature spec reruns only that feature and, if its values changed, the features built on it.
/// </summary>
public static class FeaturesStage
{
    /// <summary>The actions for every (symbol, feature), in dependency order.</summary>
    public static IEnumerable<BuildAction> Actions(PipelineSettings s)
    {
        var specs = FeatureSpecs.LoadAll(s.Root);
        var graph = specs.Graph;
        foreach (var symbol in s.Symbols)
        foreach (var id in graph.Order)
        {
            var definition = graph[id];
            var bars = LakeLayout.CleanedBars(s.Market, symbol, s.Timeframe);
            var inputs = graph.FeatureInputsOf(id).ToDictionary(f => f, f => LakeLayout.Feature(s.Market, symbol, s.Timeframe, f), StringComparer.Ordinal);
            var output = LakeLayout.Feature(s.Market, symbol, s.Timeframe, id);
            var digest = Digest(definition, graph.Catalog);
            yield return new BuildAction
            {
                Partition = $"{symbol}/{id}",
                Code = StageCode.Assemblies,
                SpecDigests = new SortedDictionary<string, string>(StringComparer.Ordinal) { [specs.Files[id]] = digest },
                Inputs = [bars, .. inputs.Values.Order(StringComparer.Ordinal)],
                Outputs = [output],
                Run = ctx =>
                {
                    var frame = LakeMemo.Bars(ctx.InputPath(bars));
                    var values = FeatureComputer.Compute(definition, frame, f => LakeMemo.Feature(ctx.InputPath(inputs[f])), graph.Catalog);
                    LakeTables.WriteFeature(ctx.OutputPath(output), frame.Ts, values, new Dictionary<string, string>
                    {
                        [LakeMetadata.Producer] = $"{ctx.Target}[{ctx.Partition}]",
                        [LakeMetadata.Symbol] = symbol,
                        [LakeMetadata.Timeframe] = s.Timeframe.ToString(),
                        [LakeMetadata.SpecDigest] = digest,
                    });
                    var defined = 0;
                    foreach (var v in values) if (!double.IsNaN(v)) defined++;
                    ctx.Info = string.Create(CultureInfo.InvariantCulture, $"{defined:N0} of {values.Length:N0} bars defined");
                },
            };
        }
    }

    /// <summary>Digest of what decides a feature's values: its canonical computation, not its description.</summary>
    public static string Digest(FeatureDefinition definition, FeatureOperatorCatalog catalog) => Hashing.Sha256Hex(definition.ComputationJson(catalog));
}
