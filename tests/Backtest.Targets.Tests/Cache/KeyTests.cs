using System.Reflection;
using System.Text.Json;
using Backtest.Testing;

namespace Backtest.Targets.Tests;

/// <summary>The action key hashes exactly the declared ingredients: each one changes it, nothing else does.</summary>
public sealed class KeyTests : IDisposable
{
    private readonly ScratchRoot _root = new();
    private readonly ScratchRoot _otherRoot = new();

    public KeyTests()
    {
        foreach (var root in new[] { _root, _otherRoot })
        {
            root.Write("spec/x.yaml", "window: 12\n");
            root.Write("spec/y.yaml", "window: 24\n");
            root.Write("data/in/a.txt", "a\n");
            root.Write("data/in/b.txt", "b\n");
        }
    }

    public void Dispose()
    {
        _root.Dispose();
        _otherRoot.Dispose();
    }

    private static BuildAction Base() => new()
    {
        Partition = "BTCUSDT/rv_1h",
        Code = [typeof(KeyTests).Assembly],
        Parameters = new Dictionary<string, string> { ["sim-days"] = "730", ["source"] = "sim" },
        Specs = ["spec/x.yaml"],
        Inputs = ["data/in/a.txt", "data/in/b.txt"],
        Outputs = ["data/out/z.txt"],
        Extra = new Dictionary<string, string> { ["cost_digest"] = "c1", ["fold"] = "3" },
        Run = _ => { },
    };

    private string Key(BuildAction action, string target = "Features", ScratchRoot? root = null)
    {
        var r = root ?? _root;
        var stat = StatCache.Load(r.Path, r["data/cache/stat.json"]);
        var prepared = new PreparedAction(target, 0, action, "data");
        var ingredients = ActionEngine.Ingredients(prepared, stat.TryHash, out var missing);
        Assert.Null(missing);
        return ingredients!.ComputeKey();
    }

    public static TheoryData<string> Changes() =>
    [
        "target", "partition", "code: another assembly", "code: one more assembly", "parameter value", "parameter name",
        "parameter added", "spec content", "spec added", "spec digest instead of file hash", "spec digest value",
        "input content", "input added", "input renamed", "extra value", "extra added",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Each_ingredient_changes_the_key(string change)
    {
        var baseline = Key(Base());
        var action = Base();
        var target = "Features";
        switch (change)
        {
            case "target": target = "Events"; break;
            case "partition": action = action with { Partition = "ETHUSDT/rv_1h" }; break;
            case "code: another assembly": action = action with { Code = [typeof(PipelineBuild).Assembly] }; break;
            case "code: one more assembly": action = action with { Code = [typeof(KeyTests).Assembly, typeof(PipelineBuild).Assembly] }; break;
            case "parameter value": action = action with { Parameters = new Dictionary<string, string> { ["sim-days"] = "365", ["source"] = "sim" } }; break;
            case "parameter name": action = action with { Parameters = new Dictionary<string, string> { ["sim-day"] = "730", ["source"] = "sim" } }; break;
            case "parameter added": action = action with { Parameters = new Dictionary<string, string> { ["sim-days"] = "730", ["source"] = "sim", ["seed"] = "1" } }; break;
            case "spec content": _root.Write("spec/x.yaml", "window: 13\n"); break;
            case "spec added": action = action with { Specs = ["spec/x.yaml", "spec/y.yaml"] }; break;
            case "spec digest instead of file hash": action = action with { SpecDigests = new Dictionary<string, string> { ["spec/x.yaml"] = "normalised-1" } }; break;
            case "spec digest value":
                baseline = Key(action with { SpecDigests = new Dictionary<string, string> { ["spec/x.yaml"] = "normalised-1" } });
                action = action with { SpecDigests = new Dictionary<string, string> { ["spec/x.yaml"] = "normalised-2" } };
                break;
            case "input content": _root.Write("data/in/b.txt", "B\n"); break;
            case "input added": _root.Write("data/in/c.txt", "c\n"); action = action with { Inputs = ["data/in/a.txt", "data/in/b.txt", "data/in/c.txt"] }; break;
            case "input renamed": _root.Write("data/in/b2.txt", "b\n"); action = action with { Inputs = ["data/in/a.txt", "data/in/b2.txt"] }; break;
            case "extra value": action = action with { Extra = new Dictionary<string, string> { ["cost_digest"] = "c2", ["fold"] = "3" } }; break;
            case "extra added": action = action with { Extra = new Dictionary<string, string> { ["cost_digest"] = "c1", ["fold"] = "3", ["window"] = "w" } }; break;
            default: throw new ArgumentOutOfRangeException(change);
        }
        Assert.NotEqual(baseline, Key(action, target));
    }

    public static TheoryData<string> NonChanges() =>
    [
        "parameter order", "extra order", "spec order and duplicates", "input order", "path spelling", "outputs", "owned folders",
        "run delegate", "root path", "spec file touched", "spec digest order",
    ];

    [Theory]
    [MemberData(nameof(NonChanges))]
    public void Nothing_else_changes_the_key(string change)
    {
        var baseline = Key(Base());
        var action = Base();
        var root = _root;
        switch (change)
        {
            case "parameter order": action = action with { Parameters = new Dictionary<string, string> { ["source"] = "sim", ["sim-days"] = "730" } }; break;
            case "extra order": action = action with { Extra = new Dictionary<string, string> { ["fold"] = "3", ["cost_digest"] = "c1" } }; break;
            case "spec order and duplicates": action = action with { Specs = ["spec/x.yaml", "./spec/x.yaml"] }; break;
            case "input order": action = action with { Inputs = ["data/in/b.txt", "data/in/a.txt"] }; break;
            case "path spelling": action = action with { Inputs = ["data//in/./a.txt", "data\\in\\b.txt"] }; break;
            case "outputs": action = action with { Outputs = ["data/out/other.txt"] }; break;
            case "owned folders": action = action with { OwnedFolders = ["data/out/folder"] }; break;
            case "run delegate": action = action with { Run = ctx => ctx.Log("different code path, same assemblies") }; break;
            case "root path": root = _otherRoot; break;
            case "spec file touched": File.SetLastWriteTimeUtc(_root["spec/x.yaml"], new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc)); break;
            case "spec digest order":
                baseline = Key(action with { SpecDigests = new Dictionary<string, string> { ["spec/x.yaml"] = "d1", ["spec/y.yaml"] = "d2" } });
                action = action with { SpecDigests = new Dictionary<string, string> { ["spec/y.yaml"] = "d2", ["spec/x.yaml"] = "d1" } };
                break;
            default: throw new ArgumentOutOfRangeException(change);
        }
        Assert.Equal(baseline, Key(action, root: root));
    }

    [Fact]
    public void Code_enters_the_key_as_assembly_name_and_module_version_id()
    {
        var prepared = new PreparedAction("Features", 0, Base() with { Code = [typeof(PipelineBuild).Assembly, typeof(KeyTests).Assembly, typeof(PipelineBuild).Assembly] }, "data");
        Assert.Equal(
            [$"Backtest.Targets={typeof(PipelineBuild).Assembly.ManifestModule.ModuleVersionId:D}", $"Backtest.Targets.Tests={typeof(KeyTests).Assembly.ManifestModule.ModuleVersionId:D}"],
            prepared.Code.Select(p => $"{p.Key}={p.Value}"));
    }

    public static TheoryData<string> Vectors() => [.. VectorFile().EnumerateArray().Select(v => v.GetProperty("name").GetString()!)];

    private static JsonElement VectorFile() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", "keys", "canonical.json"))).RootElement;

    /// <summary>Canonical JSON and key agree with Python's json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False) and hashlib (vectors generated with /usr/bin/python3).</summary>
    [Theory]
    [MemberData(nameof(Vectors))]
    public void Canonical_json_and_key_match_the_python_vectors(string name)
    {
        var vector = VectorFile().EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);
        var ingredients = KeyIngredients.FromJson(vector.GetProperty("ingredients"));
        Assert.Equal(vector.GetProperty("canonical").GetString(), System.Text.Encoding.UTF8.GetString(ingredients.ToCanonicalJson()));
        Assert.Equal(vector.GetProperty("key").GetString(), ingredients.ComputeKey());
    }

    [ReferenceFact(ReferenceTools.Python)]
    public void Keys_of_a_real_action_match_python_recomputing_them()
    {
        var stat = StatCache.Load(_root.Path, _root["data/cache/stat.json"]);
        var ingredients = ActionEngine.Ingredients(new PreparedAction("Features", 0, Base(), "data"), stat.TryHash, out _)!;
        var canonical = System.Text.Encoding.UTF8.GetString(ingredients.ToCanonicalJson());
        var script = """
            import hashlib, json, sys
            root, canonical = sys.stdin.read().split("\n", 1)
            obj = json.loads(canonical)
            for section in ("specs", "inputs"):
                for path in obj[section]:
                    obj[section][path] = hashlib.sha256(open(root + "/" + path, "rb").read()).hexdigest()
            text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            print(hashlib.sha256(text.encode()).hexdigest())
            """;
        var python = ReferenceTools.RunPython(script, _root.Path + "\n" + canonical).Trim();
        Assert.Equal(ingredients.ComputeKey(), python);
    }
}
