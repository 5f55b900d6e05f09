namespace Backtest.Parquet;

/// <summary>
/// One column of values as a typed array (long[], int[], double[], float[], bool[] or string[]) with an
/// optional null mask (true = null; the value slot then holds the type's default). For strings a null
/// reference is also read as null when no mask is given. Columnar so that kernels see plain arrays.
/// </summary>
public sealed class ParquetColumn
{
    /// <summary>Wraps <paramref name="values"/>; its element type must match <paramref name="field"/>'s type.</summary>
    public ParquetColumn(ParquetField field, Array values, bool[]? nulls = null)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(values);
        field.Validate();
        var expected = ClrType(field.Type);
        if (values.GetType() != expected)
            throw new ArgumentException($"column '{field.Name}' is {field.Type} and needs {expected.Name}, not {values.GetType().Name}");
        if (nulls is not null)
        {
            if (!field.Nullable) throw new ArgumentException($"column '{field.Name}' is not nullable but has a null mask");
            if (nulls.Length != values.Length)
                throw new ArgumentException($"column '{field.Name}': null mask has {nulls.Length} entries for {values.Length} values");
        }
        if (field.Type == ParquetType.String && !field.Nullable)
        {
            var strings = (string?[])values;
            for (var i = 0; i < strings.Length; i++)
                if (strings[i] is null) throw new ArgumentException($"column '{field.Name}' is not nullable but row {i} is a null string");
        }
        Field = field;
        Values = values;
        Nulls = nulls;
    }

    /// <summary>The column's name, type and nullability.</summary>
    public ParquetField Field { get; }

    /// <summary>The column's name.</summary>
    public string Name => Field.Name;

    /// <summary>The typed value array (see the class summary for the element types).</summary>
    public Array Values { get; }

    /// <summary>True where a row is null; null when no row is (strings may mark nulls by null references instead).</summary>
    public bool[]? Nulls { get; }

    /// <summary>Number of rows.</summary>
    public int Length => Values.Length;

    /// <summary>True when row <paramref name="row"/> holds no value.</summary>
    public bool IsNull(int row) =>
        Nulls is not null ? Nulls[row] : Field.Type == ParquetType.String && ((string?[])Values)[row] is null;

    /// <summary>The values as long[] (Int64 columns).</summary>
    public long[] Int64s() => As<long>(ParquetType.Int64);

    /// <summary>The values as int[] (Int32 columns).</summary>
    public int[] Int32s() => As<int>(ParquetType.Int32);

    /// <summary>The values as double[] (Double columns).</summary>
    public double[] Doubles() => As<double>(ParquetType.Double);

    /// <summary>The values as float[] (Float columns).</summary>
    public float[] Floats() => As<float>(ParquetType.Float);

    /// <summary>The values as bool[] (Boolean columns).</summary>
    public bool[] Booleans() => As<bool>(ParquetType.Boolean);

    /// <summary>The values as string?[] (String columns; null where the row is null).</summary>
    public string?[] Strings() => As<string?>(ParquetType.String);

    /// <summary>An Int64 column.</summary>
    public static ParquetColumn Int64(string name, long[] values, bool[]? nulls = null) =>
        new(new ParquetField(name, ParquetType.Int64, nulls is not null), values, nulls);

    /// <summary>The lake's timestamp column: Int64 milliseconds since the epoch, UTC.</summary>
    public static ParquetColumn TimestampMillisUtc(string name, long[] values, bool[]? nulls = null) =>
        new(ParquetField.TimestampMillisUtc(name, nulls is not null), values, nulls);

    /// <summary>An Int32 column.</summary>
    public static ParquetColumn Int32(string name, int[] values, bool[]? nulls = null) =>
        new(new ParquetField(name, ParquetType.Int32, nulls is not null), values, nulls);

    /// <summary>A Double column.</summary>
    public static ParquetColumn Double(string name, double[] values, bool[]? nulls = null) =>
        new(new ParquetField(name, ParquetType.Double, nulls is not null), values, nulls);

    /// <summary>A Float column.</summary>
    public static ParquetColumn Float(string name, float[] values, bool[]? nulls = null) =>
        new(new ParquetField(name, ParquetType.Float, nulls is not null), values, nulls);

    /// <summary>A Boolean column.</summary>
    public static ParquetColumn Boolean(string name, bool[] values, bool[]? nulls = null) =>
        new(new ParquetField(name, ParquetType.Boolean, nulls is not null), values, nulls);

    /// <summary>A String column; nullable when <paramref name="nullable"/> (null references are nulls).</summary>
    public static ParquetColumn String(string name, string?[] values, bool nullable = false) =>
        new(new ParquetField(name, ParquetType.String, nullable), values);

    internal static Type ClrType(ParquetType type) => type switch
    {
        ParquetType.Int32 => typeof(int[]),
        ParquetType.Int64 => typeof(long[]),
        ParquetType.Float => typeof(float[]),
        ParquetType.Double => typeof(double[]),
        ParquetType.Boolean => typeof(bool[]),
        ParquetType.String => typeof(string[]),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private T[] As<T>(ParquetType type) =>
        Field.Type == type ? (T[])Values
        : throw new InvalidOperationException($"column '{Name}' is {Field.Type}, not {type}");
}
