namespace Backtest.Core.Simulation;

/// <summary>
/// Simulation settings or a planted effect that cannot be simulated, with what is wrong and how to fix it.
/// The Lake catches it to add the effects file's line and column.
/// </summary>
public sealed class InvalidSimulationSettingsException : ArgumentException
{
    /// <summary>The offending effect's id, or null when the problem is in the settings themselves.</summary>
    public string? EffectId { get; }

    /// <summary>A readable one-paragraph message, optionally naming the effect it concerns.</summary>
    public InvalidSimulationSettingsException(string message, string? effectId = null)
        : base(effectId is null ? message : $"planted effect '{effectId}': {message}") => EffectId = effectId;
}
