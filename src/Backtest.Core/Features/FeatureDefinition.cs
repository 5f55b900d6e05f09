using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Backtest.Core.Bars;

namespace Backtest.Core.Features;

/// <summary>
/// One feature spec (<c>spec/features/&lt;id&gt;.yaml</c>) as plain data, after YAML is gone: the Lake parses the file,
/// Core validates it against <see cref="FeatureOperatorCatalog"/> and computes it. <see cref="Of"/> is what the spec
/// wrote (empty when it wrote nothing: the operator's defaults apply); <see cref="Parameters"/> holds every other
/// key, sorted by name (ordinal) so iteration and hashing are deterministic. Equality compares contents.
/// </summary>
public sealed record FeatureDefinition
{
    private readonly ImmutableArray<string> _of;
    private readonly ImmutableSortedDictionary<string, double> _parameters;

    /// <summary>Builds a definition; <paramref name="of"/> and <paramref name="parameters"/> may be null for none.</summary>
    public FeatureDefinition(string id, string op, IEnumerable<string>? of, IEnumerable<KeyValuePair<string, double>>? parameters, string description)
    {
        Id = id;
        Op = op;
        _of = [.. of ?? []];
        _parameters = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, parameters ?? []);
        Description = description;
    }

    /// <summary>The feature's id: the spec file's stem, and the name events and other features use.</summary>
    public string Id { get; init; }

    /// <summary>The operator name (see <see cref="FeatureOperatorCatalog"/>).</summary>
    public string Op { get; init; }

    /// <summary>Input names as written under <c>of</c>: bar fields or feature ids; empty when the spec has no <c>of</c>.</summary>
    public IReadOnlyList<string> Of
    {
        get => _of;
        init => _of = [.. value];
    }

    /// <summary>Operator parameters by name, sorted (ordinal).</summary>
    public IReadOnlyDictionary<string, double> Parameters
    {
        get => _parameters;
        init => _parameters = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, value);
    }

    /// <summary>What the feature measures, in the domain's words; shown in reports and editors.</summary>
    public string Description { get; init; }

    /// <summary>
    /// Why <paramref name="id"/> cannot name a feature, or null when it can: lower-case snake_case starting with a
    /// letter (the expression language reads it as an identifier), at most 64 characters, not a bar field name.
    /// </summary>
    public static string? IdProblem(string id)
    {
        if (string.IsNullOrEmpty(id)) return "a feature id cannot be empty";
        if (id.Length > 64) return $"feature id '{id}' is longer than 64 characters";
        if (id[0] is < 'a' or > 'z' || !id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_'))
            return $"feature id '{id}' must be lower-case snake_case: a letter, then letters, digits or '_'";
        if (BarFrame.FieldNames.Contains(id)) return $"feature id '{id}' is a bar field name; pick another name";
        return null;
    }

    /// <summary>
    /// The canonical JSON of what determines this feature's values: operator, effective inputs and every parameter
    /// with defaults filled in, keys sorted; not the description and not YAML layout. Action keys hash it, so a
    /// comment, a reordered key or a spelled-out default does not rerun the feature. Throws for an invalid definition.
    /// </summary>
    public string ComputationJson(FeatureOperatorCatalog catalog)
    {
        catalog.Validate(this);
        var arguments = catalog.ArgumentsOf(this);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("op", Op);
            json.WriteStartArray("of");
            foreach (var input in catalog.InputsOf(this)) json.WriteStringValue(input);
            json.WriteEndArray();
            json.WriteStartObject("parameters");
            foreach (var (name, value) in arguments.Values)
            {
                json.WritePropertyName(name);
                json.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Content equality: same id, operator, inputs, parameters and description.</summary>
    public bool Equals(FeatureDefinition? other) =>
        other is not null
        && Id == other.Id && Op == other.Op && Description == other.Description
        && _of.SequenceEqual(other._of)
        && _parameters.Count == other._parameters.Count
        && _parameters.All(p => other._parameters.TryGetValue(p.Key, out var v) && v.Equals(p.Value));

    /// <summary>Hash over the same contents as <see cref="Equals(FeatureDefinition?)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id);
        hash.Add(Op);
        hash.Add(Description);
        foreach (var input in _of) hash.Add(input);
        foreach (var (name, value) in _parameters)
        {
            hash.Add(name);
            hash.Add(value);
        }
        return hash.ToHashCode();
    }

    /// <summary>Readable one-line form for logs and test failures.</summary>
    public override string ToString() =>
        $"{Id}: {Op}({string.Join(", ", _of)}{(_parameters.Count > 0 ? "; " : "")}{string.Join(", ", _parameters.Select(p => $"{p.Key}={p.Value.ToString("R", CultureInfo.InvariantCulture)}"))})";
}
