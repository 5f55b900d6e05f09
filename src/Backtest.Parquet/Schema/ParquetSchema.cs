namespace Backtest.Parquet;

/// <summary>A flat schema: the ordered fields of a table, with lookup by name.</summary>
public sealed class ParquetSchema
{
    private readonly Dictionary<string, int> _index;

    /// <summary>Builds a schema; names must be unique (ordinal comparison).</summary>
    public ParquetSchema(IReadOnlyList<ParquetField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Fields = fields.ToArray();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Fields.Count; i++)
        {
            Fields[i].Validate();
            if (!_index.TryAdd(Fields[i].Name, i)) throw new ArgumentException($"duplicate field name '{Fields[i].Name}'");
        }
    }

    /// <summary>The fields in file order.</summary>
    public IReadOnlyList<ParquetField> Fields { get; }

    /// <summary>The position of <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The field called <paramref name="name"/>; throws naming the fields that exist.</summary>
    public ParquetField this[string name] =>
        _index.TryGetValue(name, out var i) ? Fields[i]
        : throw new KeyNotFoundException($"no column '{name}'; columns are: {string.Join(", ", Fields.Select(f => f.Name))}");

    /// <summary>One line per field, for messages and snapshots.</summary>
    public override string ToString() =>
        string.Join("; ", Fields.Select(f => $"{f.Name} {f.Type}{(f.Nullable ? "?" : "")}{(f.LogicalType is { } lt ? " " + lt : "")}"));
}
