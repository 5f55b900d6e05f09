using System.Globalization;

namespace Backtest.Parquet.Tests.Support;

/// <summary>Compares our decoded columns with DuckDB's printed cells, value by value and bit for bit for floats.</summary>
public static class ColumnAssert
{
    /// <summary>Fails at the first row where <paramref name="column"/> and DuckDB's <paramref name="cells"/> differ.</summary>
    public static void SameAsDuck(ParquetColumn column, string?[] cells, string context)
    {
        Assert.True(column.Length == cells.Length, $"{context}: column '{column.Name}' has {column.Length} rows, DuckDB {cells.Length}");
        for (var r = 0; r < cells.Length; r++)
        {
            var cell = cells[r];
            if (cell is null)
            {
                Assert.True(column.IsNull(r), $"{context}: '{column.Name}' row {r}: DuckDB has NULL, we have {Show(column, r)}");
                continue;
            }
            Assert.False(column.IsNull(r), $"{context}: '{column.Name}' row {r}: DuckDB has {cell}, we have NULL");
            var same = column.Field.Type switch
            {
                ParquetType.Int64 => column.Int64s()[r] == long.Parse(cell, CultureInfo.InvariantCulture),
                ParquetType.Int32 => column.Int32s()[r] == int.Parse(cell, CultureInfo.InvariantCulture),
                ParquetType.Double => SameBits(column.Doubles()[r], TestTables.ParseJsNumber(cell)),
                ParquetType.Float => SameBits(column.Floats()[r], TestTables.ParseJsNumber(cell)),
                ParquetType.Boolean => column.Booleans()[r] == (cell == "true"),
                _ => column.Strings()[r] == cell,
            };
            Assert.True(same, $"{context}: '{column.Name}' row {r}: DuckDB has {cell}, we have {Show(column, r)}");
        }
    }

    /// <summary>Fails unless two columns hold the same values and nulls (NaN equal to NaN, -0 distinct from +0).</summary>
    public static void Equal(ParquetColumn expected, ParquetColumn actual, string context)
    {
        Assert.Equal(expected.Field.Type, actual.Field.Type);
        Assert.True(expected.Length == actual.Length, $"{context}: '{expected.Name}' has {expected.Length} rows, read back {actual.Length}");
        for (var r = 0; r < expected.Length; r++)
        {
            var en = expected.IsNull(r);
            Assert.True(en == actual.IsNull(r), $"{context}: '{expected.Name}' row {r}: null {en} became {actual.IsNull(r)}");
            if (en) continue;
            var same = expected.Field.Type switch
            {
                ParquetType.Int64 => expected.Int64s()[r] == actual.Int64s()[r],
                ParquetType.Int32 => expected.Int32s()[r] == actual.Int32s()[r],
                ParquetType.Double => BitConverter.DoubleToInt64Bits(expected.Doubles()[r]) == BitConverter.DoubleToInt64Bits(actual.Doubles()[r]),
                ParquetType.Float => BitConverter.SingleToInt32Bits(expected.Floats()[r]) == BitConverter.SingleToInt32Bits(actual.Floats()[r]),
                ParquetType.Boolean => expected.Booleans()[r] == actual.Booleans()[r],
                _ => expected.Strings()[r] == actual.Strings()[r],
            };
            Assert.True(same, $"{context}: '{expected.Name}' row {r}: wrote {Show(expected, r)}, read {Show(actual, r)}");
        }
    }

    /// <summary>Fails unless two tables have the same columns and values.</summary>
    public static void Equal(ParquetTable expected, ParquetTable actual, string context)
    {
        Assert.Equal(expected.Columns.Select(c => c.Name), actual.Columns.Select(c => c.Name));
        foreach (var c in expected.Columns) Equal(c, actual[c.Name], context);
    }

    private static bool SameBits(double ours, double duck) =>
        double.IsNaN(ours) ? double.IsNaN(duck) : BitConverter.DoubleToInt64Bits(ours) == BitConverter.DoubleToInt64Bits(duck);

    private static string Show(ParquetColumn c, int r) => c.IsNull(r) ? "NULL" : c.Values.GetValue(r) switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "null",
    };
}
