namespace Backtest.Targets;

/// <summary>
/// Marks a build field or property as a parameter resolved from the command line (<c>--symbols A B</c>), the
/// environment (<c>SYMBOLS</c>), <c>.nuke/parameters.json</c>, then the initializer. Supported types: string,
/// string[], bool, int, long, double, enums and their nullable forms.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string description = "") : Attribute
{
    /// <summary>Shown by <c>--help</c> and in the generated schema.</summary>
    public string Description { get; } = description;

    /// <summary>Overrides the member name (matched case-insensitively, dashes ignored).</summary>
    public string? Name { get; set; }
}
