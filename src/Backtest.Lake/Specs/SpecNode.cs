using Backtest.Core.Text;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Backtest.Lake.Specs;

/// <summary>
/// A YAML node that remembers its file, line and column, with typed accessors whose failures are
/// <see cref="SpecException"/>s pointing at the offending token. Every spec loader reads through it.
/// </summary>
public abstract class SpecNode(string file, Mark start)
{
    /// <summary>The file this node came from (as shown in messages).</summary>
    public string File { get; } = file;
    /// <summary>1-based line of the node's first character.</summary>
    public int Line { get; } = (int)start.Line;
    /// <summary>1-based column of the node's first character.</summary>
    public int Column { get; } = (int)start.Column;

    /// <summary>An error located at this node.</summary>
    public SpecException Error(string detail) => new(File, Line, Column, detail);

    /// <summary>What the node is, for messages ("a mapping", "a list", "the text 'abc'").</summary>
    public abstract string Describe();

    /// <summary>Parses YAML text into a node tree; syntax errors become located <see cref="SpecException"/>s.</summary>
    public static SpecNode Parse(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var detail = e.InnerException?.Message ?? e.Message;
            // YamlDotNet prefixes messages with "(Line: x, Col: y, ...): "; the location is reported separately.
            var cut = detail.IndexOf("): ", StringComparison.Ordinal);
            if (detail.StartsWith("(Line", StringComparison.Ordinal) && cut > 0) detail = detail[(cut + 3)..];
            throw new SpecException(file, (int)e.Start.Line, (int)e.Start.Column, $"not valid YAML: {detail}");
        }
        if (stream.Documents.Count == 0) return new SpecMap(file, new Mark(0, 1, 1), new YamlMappingNode());
        if (stream.Documents.Count > 1)
            throw new SpecException(file, (int)stream.Documents[1].RootNode.Start.Line, 1, "one YAML document per file, found several");
        return Wrap(file, stream.Documents[0].RootNode);
    }

    /// <summary>Reads a spec file whose root must be a mapping (empty file = empty mapping).</summary>
    public static SpecMap ParseMap(string file, string text)
    {
        var node = Parse(file, text);
        return node as SpecMap ?? throw node.Error($"the file must be a mapping of keys to values, found {node.Describe()}");
    }

    internal static SpecNode Wrap(string file, YamlNode node) => node switch
    {
        YamlMappingNode m => new SpecMap(file, m.Start, m),
        YamlSequenceNode s => new SpecList(file, s.Start, s),
        YamlScalarNode s => new SpecScalar(file, s.Start, s),
        _ => throw new SpecException(file, (int)node.Start.Line, (int)node.Start.Column, $"unsupported YAML node ({node.NodeType})"),
    };
}

/// <summary>A YAML scalar with typed conversions that fail at its position.</summary>
public sealed class SpecScalar : SpecNode
{
    private readonly YamlScalarNode _node;

    internal SpecScalar(string file, Mark start, YamlScalarNode node) : base(file, start) => _node = node;

    /// <summary>The raw text of the scalar.</summary>
    public string Text => _node.Value ?? "";

    /// <summary>
    /// An error at a 1-based character position inside the scalar's text (an expression's column), located in
    /// the file for single-line plain or quoted scalars; for block scalars, at the scalar with the position named.
    /// </summary>
    public SpecException ErrorAt(int position, string detail)
    {
        var singleLine = !Text.Contains('\n') && _node.Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;
        if (!singleLine) return new SpecException(File, Line, Column, $"{detail} (at character {position} of the value)");
        var quote = _node.Style == ScalarStyle.Plain ? 0 : 1;
        return new SpecException(File, Line, Column + quote + Math.Max(0, position - 1), detail);
    }

    /// <summary>True for `~`, `null` or an empty plain scalar.</summary>
    public bool IsNull => _node.Style == ScalarStyle.Plain && (Text.Length == 0 || Text is "~" or "null" or "Null" or "NULL");

    /// <inheritdoc/>
    public override string Describe() => IsNull ? "null" : $"'{Text}'";

    /// <summary>The scalar as text (quoted or plain).</summary>
    public string AsString() => IsNull ? throw Error("expected a text value, found null") : Text;

    /// <summary>The scalar as a finite double.</summary>
    public double AsDouble()
    {
        if (_node.Style == ScalarStyle.Plain && double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
            return v;
        throw Error($"expected a number, found {Describe()}");
    }

    /// <summary>The scalar as an int (no fraction).</summary>
    public int AsInt()
    {
        if (_node.Style == ScalarStyle.Plain && int.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
            return v;
        throw Error($"expected a whole number, found {Describe()}");
    }

    /// <summary>The scalar as a boolean (true/false).</summary>
    public bool AsBool() => Text switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => throw Error($"expected true or false, found {Describe()}"),
    };
}

/// <summary>A YAML sequence.</summary>
public sealed class SpecList : SpecNode
{
    internal SpecList(string file, Mark start, YamlSequenceNode node) : base(file, start) =>
        Items = node.Children.Select(c => Wrap(file, c)).ToArray();

    /// <summary>The items, in file order.</summary>
    public IReadOnlyList<SpecNode> Items { get; }

    /// <inheritdoc/>
    public override string Describe() => "a list";
}

/// <summary>A YAML mapping with typed, located accessors and unknown-key detection.</summary>
public sealed class SpecMap : SpecNode
{
    private readonly List<(SpecScalar Key, SpecNode Value)> _entries = [];

    internal SpecMap(string file, Mark start, YamlMappingNode node) : base(file, start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (k, v) in node.Children)
        {
            if (Wrap(file, k) is not SpecScalar key) throw new SpecException(file, (int)k.Start.Line, (int)k.Start.Column, "keys must be plain names");
            if (!seen.Add(key.Text)) throw key.Error($"duplicate key '{key.Text}'");
            _entries.Add((key, Wrap(file, v)));
        }
    }

    /// <inheritdoc/>
    public override string Describe() => "a mapping";

    /// <summary>The keys in file order.</summary>
    public IEnumerable<string> Keys => _entries.Select(e => e.Key.Text);

    /// <summary>Entries in file order with their key nodes (for located errors).</summary>
    public IReadOnlyList<(SpecScalar Key, SpecNode Value)> Entries => _entries;

    /// <summary>True when the key is present.</summary>
    public bool Has(string key) => Find(key) is not null;

    /// <summary>The value node of a key, or null when absent.</summary>
    public SpecNode? Find(string key)
    {
        foreach (var (k, v) in _entries) if (k.Text == key) return v;
        return null;
    }

    /// <summary>The key node itself (for errors about the key), or null.</summary>
    public SpecScalar? KeyNode(string key)
    {
        foreach (var (k, _) in _entries) if (k.Text == key) return k;
        return null;
    }

    /// <summary>Fails at the first key not in <paramref name="allowed"/>, suggesting the nearest allowed key.</summary>
    public void RejectUnknownKeys(IReadOnlyCollection<string> allowed, string what = "key")
    {
        foreach (var (k, _) in _entries)
        {
            if (allowed.Contains(k.Text)) continue;
            var hint = Suggest.Nearest(k.Text, allowed);
            var known = string.Join(", ", allowed.Order(StringComparer.Ordinal));
            throw k.Error(hint is not null
                ? $"unknown {what} '{k.Text}' (did you mean '{hint}'?)"
                : $"unknown {what} '{k.Text}' (expected one of: {known})");
        }
    }

    /// <summary>A required value node; missing → error at the mapping.</summary>
    public SpecNode Require(string key) => Find(key) ?? throw Error($"missing field '{key}'");

    /// <summary>A required scalar.</summary>
    public SpecScalar RequireScalar(string key) => AsScalar(key, Require(key));

    /// <summary>An optional scalar (null when absent or null-valued).</summary>
    public SpecScalar? OptionalScalar(string key) => Find(key) is { } n ? (AsScalar(key, n) is { IsNull: false } s ? s : null) : null;

    /// <summary>A required text value.</summary>
    public string RequireString(string key) => RequireScalar(key).AsString();
    /// <summary>An optional text value.</summary>
    public string? OptionalString(string key) => OptionalScalar(key)?.AsString();
    /// <summary>A required number.</summary>
    public double RequireDouble(string key) => RequireScalar(key).AsDouble();
    /// <summary>An optional number.</summary>
    public double? OptionalDouble(string key) => OptionalScalar(key)?.AsDouble();
    /// <summary>A required whole number.</summary>
    public int RequireInt(string key) => RequireScalar(key).AsInt();
    /// <summary>An optional whole number.</summary>
    public int? OptionalInt(string key) => OptionalScalar(key)?.AsInt();
    /// <summary>An optional boolean.</summary>
    public bool? OptionalBool(string key) => OptionalScalar(key)?.AsBool();

    /// <summary>A required whole number within [min, max]; out of range → error at the value.</summary>
    public int RequireInt(string key, int min, int max)
    {
        var s = RequireScalar(key);
        var v = s.AsInt();
        if (v < min || v > max) throw s.Error($"{key} must be between {min} and {max}, found {v}");
        return v;
    }

    /// <summary>A required number within [min, max] (or (min, max] when <paramref name="minExclusive"/>).</summary>
    public double RequireDouble(string key, double min, double max, bool minExclusive = false)
    {
        var s = RequireScalar(key);
        var v = s.AsDouble();
        if (v < min || v > max || (minExclusive && v <= min))
            throw s.Error(FormattableString.Invariant($"{key} must be {(minExclusive ? "above" : "at least")} {min} and at most {max}, found {v}"));
        return v;
    }

    /// <summary>A required nested mapping.</summary>
    public SpecMap RequireMap(string key) => Require(key) as SpecMap ?? throw Find(key)!.Error($"'{key}' must be a mapping, found {Find(key)!.Describe()}");

    /// <summary>An optional nested mapping.</summary>
    public SpecMap? OptionalMap(string key) => Find(key) switch
    {
        null => null,
        SpecScalar { IsNull: true } => null,
        SpecMap m => m,
        var n => throw n.Error($"'{key}' must be a mapping, found {n.Describe()}"),
    };

    /// <summary>A list (a single scalar is accepted as a one-item list); empty when absent.</summary>
    public IReadOnlyList<SpecNode> List(string key) => Find(key) switch
    {
        null => [],
        SpecScalar { IsNull: true } => [],
        SpecList l => l.Items,
        SpecScalar s => [s],
        var n => throw n.Error($"'{key}' must be a list, found {n.Describe()}"),
    };

    /// <summary>A list of text values, each located for errors.</summary>
    public IReadOnlyList<SpecScalar> StringList(string key) =>
        List(key).Select(n => n as SpecScalar ?? throw n.Error($"'{key}' must list plain values, found {n.Describe()}")).ToArray();

    private static SpecScalar AsScalar(string key, SpecNode node) =>
        node as SpecScalar ?? throw node.Error($"'{key}' must be a single value, found {node.Describe()}");
}
