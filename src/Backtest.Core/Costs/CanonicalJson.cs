using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Backtest.Core.Costs;

/// <summary>
/// Writes a tree of sorted maps, strings, integers and doubles as compact JSON whose bytes depend only on the
/// values: keys in ordinal order, doubles in invariant round-trip ("R") form with −0 written as 0. Digests hash it,
/// so YAML comments, key order and number spelling (4 vs 4.0 vs 4e0) cannot change a digest while any value does.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>Serialises <paramref name="root"/> (a <see cref="SortedDictionary{TKey,TValue}"/> with ordinal keys).</summary>
    public static string Write(SortedDictionary<string, object?> root)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, SkipValidation = false }))
            WriteValue(writer, root);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A map whose keys sort ordinally, the only ordering that does not depend on culture.</summary>
    public static SortedDictionary<string, object?> Map() => new(StringComparer.Ordinal);

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d: writer.WriteRawValue(FormatDouble(d)); break;
            case SortedDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }
                writer.WriteEndObject();
                break;
            default: throw new ArgumentException($"canonical JSON cannot hold a {value.GetType().Name}");
        }
    }

    /// <summary>Invariant round-trip text of a finite double; −0 and 0 are one value, so they are one text.</summary>
    public static string FormatDouble(double d)
    {
        if (!double.IsFinite(d)) throw new ArgumentException($"canonical JSON cannot hold the non-finite number {d.ToString(CultureInfo.InvariantCulture)}");
        if (d == 0) d = 0; // folds −0 into 0
        return d.ToString("R", CultureInfo.InvariantCulture);
    }
}
