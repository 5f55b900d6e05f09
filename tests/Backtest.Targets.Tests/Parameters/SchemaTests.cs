using System.Text.Json;
using Backtest.Testing;

namespace Backtest.Targets.Tests;

public sealed class SchemaTests : IDisposable
{
    private readonly ScratchRoot _root = new();

    public void Dispose() => _root.Dispose();

    private static string Generate()
    {
        var build = new ParameterBuild();
        return BuildSchema.Generate(TargetGraph.Create(build, []), ParameterMember.Of(typeof(ParameterBuild)));
    }

    [Fact]
    public void The_schema_is_deterministic_valid_json_in_NUKE_layout()
    {
        var text = Generate();
        Assert.Equal(text, Generate());
        Assert.DoesNotContain("\r", text);
        Assert.EndsWith("}\n", text);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        Assert.Equal("http://json-schema.org/draft-04/schema#", root.GetProperty("$schema").GetString());
        Assert.Equal(["Noop"], root.GetProperty("definitions").GetProperty("ExecutableTarget").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var user = root.GetProperty("allOf")[0].GetProperty("properties");
        Assert.Equal("integer", user.GetProperty("Number").GetProperty("type").GetString());
        Assert.Equal("int32", user.GetProperty("Number").GetProperty("format").GetString());
        Assert.Equal(["integer", "null"], user.GetProperty("Maybe").GetProperty("type").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Slow", "Medium", "Fast", "Turbo"], user.GetProperty("Mode").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("string", user.GetProperty("List").GetProperty("items").GetProperty("type").GetString());
        Assert.Equal("A list", user.GetProperty("List").GetProperty("description").GetString());
        Assert.True(user.TryGetProperty("sim-days", out _));
        Assert.Equal("#/definitions/PipelineBuild", root.GetProperty("allOf")[1].GetProperty("$ref").GetString());
        var runner = root.GetProperty("definitions").GetProperty("PipelineBuild").GetProperty("properties");
        Assert.Equal(["Force", "Help", "Jobs", "NoCache", "Plan", "Root", "Skip", "Target", "Verbosity"], runner.EnumerateObject().Select(p => p.Name));
        Assert.Equal("#/definitions/ExecutableTarget", runner.GetProperty("Skip").GetProperty("items").GetProperty("$ref").GetString());
    }

    [Fact]
    public void The_schema_matches_its_verified_snapshot() => Snapshot.Verify(Generate(), "ParameterBuild", "json");

    [Fact]
    public void The_schema_file_is_written_only_when_its_content_changes_and_never_by_plan()
    {
        var path = _root[".nuke/build.schema.json"];
        Assert.Equal(0, Runs.Run(new ParameterBuild(), _root, "Noop", "--plan").ExitCode);
        Assert.False(File.Exists(path));

        Assert.Equal(0, Runs.Run(new ParameterBuild(), _root, "Noop").ExitCode);
        Assert.Equal(Generate(), File.ReadAllText(path));
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, old);
        Assert.Equal(0, Runs.Run(new ParameterBuild(), _root, "Noop").ExitCode);
        Assert.Equal(old, File.GetLastWriteTimeUtc(path));

        File.WriteAllText(path, "{}");
        Assert.Equal(0, Runs.Run(new ParameterBuild(), _root, "Noop").ExitCode);
        Assert.Equal(Generate(), File.ReadAllText(path));
    }
}
