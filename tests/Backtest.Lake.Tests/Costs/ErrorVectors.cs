using YamlDotNet.RepresentationModel;

namespace Backtest.Lake.Tests.Costs;

/// <summary>
/// Reads a vectors/&lt;area&gt;/errors.yaml file: a list of cases, each a name, input files or text, and the exact
/// message expected. Shared by the bars, blueprint and cost loader tests.
/// </summary>
internal static class ErrorVectors
{
    /// <summary>The cases of vectors/<paramref name="area"/>/errors.yaml.</summary>
    public static IReadOnlyList<YamlMappingNode> Load(string area)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vectors", area, "errors.yaml"))));
        return ((YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode)["cases"]).Children.Cast<YamlMappingNode>().ToArray();
    }

    /// <summary>The case names, for [MemberData].</summary>
    public static TheoryData<string> Names(string area)
    {
        var data = new TheoryData<string>();
        foreach (var c in Load(area)) data.Add(Text(c, "name")!);
        return data;
    }

    /// <summary>The case called <paramref name="name"/>.</summary>
    public static YamlMappingNode Case(string area, string name) => Load(area).Single(c => Text(c, "name") == name);

    /// <summary>A scalar value of the case, or null when absent.</summary>
    public static string? Text(YamlMappingNode c, string key) =>
        c.Children.TryGetValue(key, out var v) ? ((YamlScalarNode)v).Value : null;

    /// <summary>A list of scalars of the case, or null when absent.</summary>
    public static IReadOnlyList<string>? List(YamlMappingNode c, string key) =>
        c.Children.TryGetValue(key, out var v) ? ((YamlSequenceNode)v).Children.Select(n => ((YamlScalarNode)n).Value!).ToArray() : null;
}
