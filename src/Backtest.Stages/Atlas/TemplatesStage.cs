using System.Globalization;
using Backtest.Core.Market;
using Backtest.Core.Research;
using Backtest.Lake.Layout;
using Backtest.Lake.Files;
using Backtest.Parquet;
using Backtest.Stages.Pipeline;
using Backtest.Targets;

namespace Backtest.Stages.Atlas;

/// <summary>
/// Templates: resolves every backlog claim against the concepts and the spec index (which events and
/// features exist) into templates.jsonl, and lists the specs claims need that do not exist in
/// spec_tasks.parquet. One action: it reads the backlog, the concepts and the index of names.
/// </summary>
public static class TemplatesStage
{
    /// <summary>One template line of templates.jsonl.</summary>
    public sealed record TemplateLine(string Claim, string Statement, string Concept, IReadOnlyList<string> Events, IReadOnlyList<int> Horizons,
        IReadOnlyList<string> Directions, IReadOnlyList<string> Symbols, int? MaxHypotheses, bool Feasible, IReadOnlyList<string> MissingSpecs);

    /// <summary>The single Templates action.</summary>
    public static IEnumerable<BuildAction> Actions(PipelineSettings s)
    {
        var specs = ResearchSpecs.Load(s.Root);
        var events = specs.Events.Keys.ToHashSet(StringComparer.Ordinal);
        var features = specs.Features.Graph.Ids.ToHashSet(StringComparer.Ordinal);
        var index = string.Join(",", events.Order(StringComparer.Ordinal)) + "|" + string.Join(",", features.Order(StringComparer.Ordinal));
        yield return new BuildAction
        {
            Partition = "all",
            Code = StageCode.Assemblies,
            Specs = [.. specs.Claims.Select(c => c.File).Distinct(), .. specs.Concepts.Values.Select(c => c.File)],
            Extra = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["spec_index"] = Hashing.Sha256Hex(index) },
            Outputs = [LakeLayout.Templates, LakeLayout.SpecTasks],
            Run = ctx =>
            {
                var set = AtlasTemplates.Build(specs.Claims, specs.Concepts.ToDictionary(kv => kv.Key, kv => kv.Value.Concept), events, features);
                File.WriteAllText(ctx.OutputPath(LakeLayout.Templates), LakeJson.Lines(set.Templates.Select(t => new TemplateLine(
                    t.Claim, t.Statement, t.Concept, t.Events, t.Horizons, t.Directions.Select(d => d.ToText()).ToArray(), t.Symbols,
                    t.MaxHypotheses, t.Feasible, t.MissingSpecs.Select(m => $"{m.Kind}:{m.Name}").ToArray()))));
                var tasks = set.Tasks;
                ParquetFile.Write(ctx.OutputPath(LakeLayout.SpecTasks), new ParquetTable(
                    ParquetColumn.String("kind", tasks.Select(t => (string?)t.Kind).ToArray()),
                    ParquetColumn.String("name", tasks.Select(t => (string?)t.Name).ToArray()),
                    ParquetColumn.String("claim", tasks.Select(t => (string?)t.Claim).ToArray()),
                    ParquetColumn.String("reason", tasks.Select(t => (string?)t.Reason).ToArray())),
                    new ParquetWriteOptions { KeyValueMetadata = Lake.Tables.LakeMetadata.With(tasks.Count, null) });
                ctx.Info = string.Create(CultureInfo.InvariantCulture,
                    $"{set.Templates.Count} templates from {specs.Claims.Count} claims, {tasks.Count} spec tasks");
            },
        };
    }

    /// <summary>Reads templates.jsonl back into templates (for Plan).</summary>
    public static TemplateSet Read(string path)
    {
        var templates = new List<Template>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            var t = System.Text.Json.JsonSerializer.Deserialize<TemplateLine>(line, LakeJson.Line)
                    ?? throw new InvalidDataException($"{path}: empty template line");
            templates.Add(new Template(t.Claim, t.Statement, t.Concept, t.Events, t.Horizons,
                t.Directions.Select(d => DirectionNames.TryParse(d, out var x) ? x : throw new InvalidDataException($"{path}: bad direction '{d}'")).ToArray(),
                t.Symbols, t.MaxHypotheses, t.MissingSpecs.Select(m => new SpecTask(m.Split(':')[0], m.Split(':')[1], t.Claim, "")).ToArray()));
        }
        return new TemplateSet(templates, templates.SelectMany(t => t.MissingSpecs).ToArray());
    }
}
