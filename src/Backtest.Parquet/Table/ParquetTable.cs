namespace Backtest.Parquet;

/// <summary>
/// A whole table as named typed column arrays: the simple form the lake reads and writes. Large files
/// are better streamed with <see cref="ParquetReader"/> and <see cref="ParquetWriter"/>.
/// </summary>
public sealed class ParquetTable
{
    private readonly Dictionary<string, ParquetColumn> _byName;

    /// <summary>Builds a table; all columns must have the same length and distinct names.</summary>
    public ParquetTable(IReadOnlyList<ParquetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = columns.ToArray();
        Schema = new ParquetSchema(Columns.Select(c => c.Field).ToArray());
        _byName = Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        RowCount = Columns.Count == 0 ? 0 : Columns[0].Length;
        foreach (var c in Columns)
            if (c.Length != RowCount)
                throw new ArgumentException($"column '{c.Name}' has {c.Length} rows but '{Columns[0].Name}' has {RowCount}");
    }

    /// <summary>Builds a table from columns.</summary>
    public ParquetTable(params ParquetColumn[] columns) : this((IReadOnlyList<ParquetColumn>)columns) { }

    /// <summary>The schema the columns imply.</summary>
    public ParquetSchema Schema { get; }

    /// <summary>The columns in schema order.</summary>
    public IReadOnlyList<ParquetColumn> Columns { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The column called <paramref name="name"/>.</summary>
    public ParquetColumn this[string name] =>
        _byName.TryGetValue(name, out var c) ? c
        : throw new KeyNotFoundException($"no column '{name}'; columns are: {string.Join(", ", Columns.Select(x => x.Name))}");

    /// <summary>True when the table has a column called <paramref name="name"/>.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);
}
