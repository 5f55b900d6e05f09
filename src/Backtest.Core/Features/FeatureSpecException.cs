namespace Backtest.Core.Features;

/// <summary>
/// A feature spec that cannot be used, naming the feature and the key at fault so the Lake, which knows the file,
/// can add line and column and render one readable paragraph.
/// </summary>
public abstract class FeatureSpecException(string featureId, string key, string message) : Exception(message)
{
    /// <summary>The feature whose spec is at fault (its file is <c>spec/features/&lt;id&gt;.yaml</c>).</summary>
    public string FeatureId { get; } = featureId;

    /// <summary>The key at fault: "op", "of", "description", a parameter name, or "id" for the file name.</summary>
    public string Key { get; } = key;
}
