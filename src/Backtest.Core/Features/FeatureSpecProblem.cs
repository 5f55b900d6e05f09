namespace Backtest.Core.Features;

/// <summary>
/// One thing wrong with a feature spec, tied to the key it concerns ("op", "of", "description", a parameter name,
/// or "id" for the file name) so the Lake can point at that key's line and column. An absent key is reported
/// under its own name: the Lake points at the mapping then.
/// </summary>
public sealed record FeatureSpecProblem(string FeatureId, string Key, string Message)
{
    /// <summary>The message as shown.</summary>
    public override string ToString() => Message;
}
