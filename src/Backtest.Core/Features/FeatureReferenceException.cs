namespace Backtest.Core.Features;

/// <summary>A feature reading an input that is neither a bar field nor a defined feature.</summary>
public sealed class FeatureReferenceException(string featureId, string reference, string message)
    : FeatureSpecException(featureId, "of", message)
{
    /// <summary>The undefined name as written under <c>of</c>.</summary>
    public string Reference { get; } = reference;
}
