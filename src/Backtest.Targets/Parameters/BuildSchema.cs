using System.Text.Encodings.Web;
using System.Text.Json;

namespace Backtest.Targets;

/// <summary>
/// Generates <c>.nuke/build.schema.json</c> in NUKE's layout (draft-04; user parameters in <c>allOf[0]</c>, runner
/// options in <c>definitions/PipelineBuild</c>) so editors complete and check <c>.nuke/parameters.json</c>. The
/// output is deterministic (sorted names, LF, two-space indent) and written only when its content changes.
/// </summary>
internal static class BuildSchema
{
    /// <summary>The schema text for the given targets and parameters.</summary>
    public static string Generate(IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterMember> members)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "http://json-schema.org/draft-04/schema#");
            writer.WriteStartObject("definitions");

            writer.WriteStartObject("ExecutableTarget");
            writer.WriteString("type", "string");
            writer.WriteStartArray("enum");
            foreach (var name in targets.Select(t => t.Name).Order(StringComparer.Ordinal)) writer.WriteStringValue(name);
            writer.WriteEndArray();
            writer.WriteEndObject();

            writer.WriteStartObject("Verbosity");
            writer.WriteString("type", "string");
            writer.WriteString("description", "");
            writer.WriteStartArray("enum");
            foreach (var level in new[] { Verbosity.Verbose, Verbosity.Normal, Verbosity.Minimal, Verbosity.Quiet }) writer.WriteStringValue(level.ToString());
            writer.WriteEndArray();
            writer.WriteEndObject();

            writer.WriteStartObject(nameof(PipelineBuild));
            writer.WriteStartObject("properties");
            foreach (var (name, shape, description) in RunnerOptions.All.OrderBy(o => Pascal(o.Name), StringComparer.Ordinal))
            {
                writer.WriteStartObject(Pascal(name));
                var defaults = targets.Where(t => t.IsDefault).Select(t => t.Name).ToList();
                var text = description.Replace("{default_target}", defaults.Count > 0 ? string.Join(", ", defaults) : "<none>");
                if (name == "verbosity")
                {
                    writer.WriteString("description", text);
                    writer.WriteString("$ref", "#/definitions/Verbosity");
                }
                else if (shape == OptionShape.List)
                {
                    writer.WriteString("type", "array");
                    writer.WriteString("description", text);
                    writer.WriteStartObject("items");
                    writer.WriteString("$ref", "#/definitions/ExecutableTarget");
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteString("type", shape == OptionShape.Flag ? "boolean" : name == "jobs" ? "integer" : "string");
                    writer.WriteString("description", text);
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject(); // definitions

            writer.WriteStartArray("allOf");
            writer.WriteStartObject();
            writer.WriteStartObject("properties");
            foreach (var member in members.OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                writer.WriteStartObject(member.Name);
                if (member.IsArray)
                {
                    writer.WriteString("type", "array");
                    WriteDescription(writer, member);
                    writer.WriteStartObject("items");
                    WriteScalar(writer, member.Scalar, nullable: false);
                    writer.WriteEndObject();
                }
                else
                {
                    WriteScalar(writer, member.Scalar, member.IsNullable, () => WriteDescription(writer, member));
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject();
            writer.WriteString("$ref", $"#/definitions/{nameof(PipelineBuild)}");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes the schema file when its content differs; returns true when it wrote.</summary>
    public static bool WriteIfChanged(string rootDirectory, IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ParameterMember> members)
    {
        var path = Path.Combine(rootDirectory, ".nuke", "build.schema.json");
        var bytes = System.Text.Encoding.UTF8.GetBytes(Generate(targets, members));
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) return false;
        AtomicFile.WriteAllBytes(path, bytes);
        return true;
    }

    private static void WriteDescription(Utf8JsonWriter writer, ParameterMember member)
    {
        if (member.Description.Length > 0) writer.WriteString("description", member.Description.TrimEnd('.'));
    }

    private static void WriteScalar(Utf8JsonWriter writer, Type scalar, bool nullable, Action? afterType = null)
    {
        var (type, format) = scalar == typeof(bool) ? ("boolean", null)
            : scalar == typeof(int) ? ("integer", "int32")
            : scalar == typeof(long) ? ("integer", "int64")
            : scalar == typeof(double) ? ("number", "double")
            : ("string", (string?)null);
        if (nullable)
        {
            writer.WriteStartArray("type");
            writer.WriteStringValue(type);
            writer.WriteStringValue("null");
            writer.WriteEndArray();
        }
        else writer.WriteString("type", type);
        afterType?.Invoke();
        if (format is not null) writer.WriteString("format", format);
        if (scalar.IsEnum)
        {
            writer.WriteStartArray("enum");
            foreach (var name in Enum.GetNames(scalar)) writer.WriteStringValue(name);
            if (nullable) writer.WriteNullValue();
            writer.WriteEndArray();
        }
    }

    /// <summary>"no-cache" → "NoCache".</summary>
    private static string Pascal(string dashed) =>
        string.Concat(dashed.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
