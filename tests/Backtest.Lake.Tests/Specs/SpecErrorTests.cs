using Backtest.Lake.Specs;
using Backtest.Testing;
using YamlDotNet.RepresentationModel;

namespace Backtest.Lake.Tests.Specs;

/// <summary>Every bad-spec case in vectors/specs/errors.yaml produces exactly its message.</summary>
public sealed class SpecErrorTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Load()) data.Add(((YamlScalarNode)c["name"]).Value!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_spec_gives_its_exact_located_message(string name)
    {
        var c = Load().Single(x => ((YamlScalarNode)x["name"]).Value == name);
        var root = TempRoot.Create();
        try
        {
            foreach (var (path, text) in (YamlMappingNode)c["files"])
            {
                var full = Path.Combine(root, ((YamlScalarNode)path).Value!);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, ((YamlScalarNode)text).Value);
            }
            var events = c.Children.TryGetValue("events", out var ev)
                ? ((YamlSequenceNode)ev).Children.Select(n => ((YamlScalarNode)n).Value!).ToHashSet()
                : [];
            var names = c.Children.TryGetValue("names", out var nm)
                ? ((YamlSequenceNode)nm).Children.Select(n => ((YamlScalarNode)n).Value!).ToHashSet()
                : [];
            var maxHorizon = c.Children.TryGetValue("max_horizon", out var mh) ? int.Parse(((YamlScalarNode)mh).Value!) : 0;
            var load = ((YamlScalarNode)c["load"]).Value;
            var ex = Assert.Throws<SpecException>(() =>
            {
                switch (load)
                {
                    case "gates": GatesLoader.Load(root); break;
                    case "concepts": ConceptLoader.LoadAll(root, events); break;
                    case "backlog": BacklogLoader.LoadAll(root); break;
                    case "walkforward": WalkforwardLoader.Load(root, maxHorizon); break;
                    case "plan": PlanSpecLoader.Load(root); break;
                    case "events": EventLoader.LoadAll(root, names); break;
                    default: throw new InvalidOperationException($"unknown loader {load}");
                }
            });
            Assert.Equal(((YamlScalarNode)c["error"]).Value, ex.Message);
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public void The_shipped_specs_load()
    {
        var gates = GatesLoader.Load(RepoPaths.Root);
        Assert.Equal(Backtest.Core.Statistics.FdrMethod.BenjaminiYekutieli, gates.Discovery.FdrMethod);
        Assert.True(PlanSpecLoader.Load(RepoPaths.Root).MaxHypotheses >= 100);
        Assert.True(WalkforwardLoader.Load(RepoPaths.Root, 288).EmbargoBars >= 288);
    }

    private static IEnumerable<YamlMappingNode> Load()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "specs", "errors.yaml"))));
        return ((YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode)["cases"]).Children.Cast<YamlMappingNode>();
    }
}
