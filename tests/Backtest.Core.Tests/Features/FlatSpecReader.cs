using System.Globalization;
using Backtest.Core.Features;

namespace Backtest.Core.Tests.Features;

/// <summary>
/// Reads the flat subset of YAML the default feature specs use (`key: scalar`, `of: [a, b]`, `#` comments) so Core's
/// tests can check spec/features without a YAML library; the Lake's loader is the real one.
/// </summary>
internal static class FlatSpecReader
{
    public static FeatureDefinition Read(string path)
    {
        var id = Path.GetFileNameWithoutExtension(path);
        string op = "", description = "";
        var of = new List<string>();
        var parameters = new List<KeyValuePair<string, double>>();
        foreach (var (raw, number) in File.ReadAllLines(path).Select((l, i) => (l, i + 1)))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0) throw new InvalidDataException($"{path}:{number}: expected 'key: value'");
            var key = line[..colon];
            var value = line[(colon + 2)..].Trim();
            switch (key)
            {
                case "description": description = value; break;
                case "op": op = value; break;
                case "of":
                    of.AddRange(value.StartsWith('[') ? value.Trim('[', ']').Split(',').Select(s => s.Trim()) : [value]);
                    break;
                default:
                    parameters.Add(KeyValuePair.Create(key, double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)));
                    break;
            }
        }
        return new FeatureDefinition(id, op, of, parameters, description);
    }
}
