namespace Backtest.Core.Tests.Costs;

/// <summary>
/// Reads the block-mapping subset of YAML our spec files use (nested "key: value" lines, # comments) into dotted
/// leaf paths, so a Core test can check spec/costs.yaml without a YAML library (the Lake's loader is tested there).
/// </summary>
internal static class SimpleYaml
{
    public static SortedDictionary<string, string> Leaves(IEnumerable<string> lines)
    {
        var leaves = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var stack = new List<(int Indent, string Key)>();
        foreach (var raw in lines)
        {
            var hash = raw.IndexOf('#');
            var line = (hash >= 0 ? raw[..hash] : raw).TrimEnd();
            if (line.Trim().Length == 0) continue;
            var indent = line.Length - line.TrimStart().Length;
            var colon = line.IndexOf(':');
            if (colon < 0) throw new FormatException($"not a 'key: value' line: '{raw}'");
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            while (stack.Count > 0 && stack[^1].Indent >= indent) stack.RemoveAt(stack.Count - 1);
            var path = string.Join(".", stack.Select(s => s.Key).Append(key));
            if (value.Length == 0) stack.Add((indent, key));
            else leaves[path] = value;
        }
        return leaves;
    }
}
