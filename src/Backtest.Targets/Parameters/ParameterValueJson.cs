using System.Text.Json.Serialization;

namespace Backtest.Targets;

/// <summary>Source-generated JSON for canonical array values (reflection-free, trimming-safe).</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(string[]), TypeInfoPropertyName = "StringArray")]
internal sealed partial class ParameterValueJson : JsonSerializerContext;
