using System.Globalization;
using Backtest.Core.Bars;
using Backtest.Core.Events;
using Backtest.Core.Expressions;
using Backtest.Lake.Layout;
using Backtest.Lake.Specs;
using Backtest.Lake.Tables;
using Backtest.Stages.Pipeline;
using Backtest.Targets;

namespace Backtest.Stages.Events;

/// <summary>
/// Events: one action per (symbol, event) that reads only the features its expressions name (plus the
/// bars, for the grid and the is_filled mask). Editing one event spec reruns only that event's actions.
/// An event never fires on a forward-filled bar: nothing was observed there.
/// </summary>
public static class EventsStage
{
    /// <summary>The names an event may read: bar fields and the feature ids that have specs.</summary>
    public static IReadOnlySet<string> KnownNames(string root) =>
        BarFrame.FieldNames.Concat(FeatureSpecs.Ids(root)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The actions for every (symbol, event).</summary>
    public static IEnumerable<BuildAction> Actions(PipelineSettings s)
    {
        var features = FeatureSpecs.Ids(s.Root).ToHashSet(StringComparer.Ordinal);
        var events = EventLoader.LoadAll(s.Root, KnownNames(s.Root));
        foreach (var symbol in s.Symbols)
        foreach (var (id, (definition, file)) in events)
        {
            var bars = LakeLayout.CleanedBars(s.Market, symbol, s.Timeframe);
            var featureInputs = definition.Identifiers.Where(features.Contains)
                .ToDictionary(f => f, f => LakeLayout.Feature(s.Market, symbol, s.Timeframe, f), StringComparer.Ordinal);
            var output = LakeLayout.Event(s.Market, symbol, s.Timeframe, id);
            yield return new BuildAction
            {
                Partition = $"{symbol}/{id}",
                Code = StageCode.Assemblies,
                // The normalised definition, not the file bytes: a description or comment edit reruns nothing.
                SpecDigests = new SortedDictionary<string, string>(StringComparer.Ordinal) { [file] = Digest(definition) },
                Inputs = [bars, .. featureInputs.Values.Order(StringComparer.Ordinal)],
                Outputs = [output],
                Run = ctx =>
                {
                    var frame = LakeMemo.Bars(ctx.InputPath(bars));
                    var columns = featureInputs.ToDictionary(kv => kv.Key, kv => LakeMemo.Feature(ctx.InputPath(kv.Value)), StringComparer.Ordinal);
                    var occurrences = Detect(definition, frame, columns);
                    LakeTables.WriteEvents(ctx.OutputPath(output), frame.Ts, occurrences, new Dictionary<string, string>
                    {
                        [LakeMetadata.Producer] = $"{ctx.Target}[{ctx.Partition}]",
                        [LakeMetadata.Symbol] = symbol,
                        [LakeMetadata.Timeframe] = s.Timeframe.ToString(),
                        [LakeMetadata.SpecDigest] = Digest(definition),
                    });
                    ctx.Info = string.Create(CultureInfo.InvariantCulture, $"{occurrences.Count:N0} occurrences");
                },
            };
        }
    }

    /// <summary>Detects an event over bars and features, never on forward-filled bars.</summary>
    public static EventOccurrences Detect(EventDefinition definition, BarFrame frame, IReadOnlyDictionary<string, double[]> features)
    {
        var source = new BarFrameColumns(frame, features);
        var when = definition.When.EvaluateBool(source, frame.Count);
        for (var i = 0; i < when.Length; i++) when[i] &= !frame.IsFilled[i];
        return definition.Strength is { } strength
            ? EventDetector.Detect(when, definition.Cooldown, definition.Side, strength.EvaluateNumber(source, frame.Count))
            : EventDetector.Detect(when, definition.Cooldown, definition.Side);
    }

    /// <summary>Digest of what decides an event's occurrences (canonical expressions, cooldown, side), not its description.</summary>
    public static string Digest(EventDefinition d) => Hashing.Sha256Hex(
        $"when={d.When}|cooldown={d.Cooldown}|side={(int)d.Side}|strength={(d.Strength?.ToString() ?? "1")}");
}
