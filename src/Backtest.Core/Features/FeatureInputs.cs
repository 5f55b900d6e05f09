namespace Backtest.Core.Features;

/// <summary>
/// What an operator reads. <see cref="Fixed"/> operators read named bar fields and take no <c>of</c> (atr reads
/// high, low and close); the others read <see cref="Roles"/>.Count inputs named by <c>of</c> (bar fields or feature
/// ids), falling back to <see cref="Defaults"/> when the spec omits <c>of</c> (required when there are none).
/// </summary>
/// <param name="Roles">What each input is, in order, for docs and messages ("price", "quote volume").</param>
/// <param name="Defaults">Inputs used when the spec has no <c>of</c> (the fixed inputs when <paramref name="Fixed"/>); empty makes <c>of</c> required.</param>
/// <param name="Fixed">True when the inputs are always <paramref name="Defaults"/> and <c>of</c> is not allowed.</param>
public sealed record FeatureInputs(IReadOnlyList<string> Roles, IReadOnlyList<string> Defaults, bool Fixed)
{
    /// <summary>Number of inputs the operator reads.</summary>
    public int Count => Roles.Count;

    /// <summary>One input named by <c>of</c>, with an optional default.</summary>
    public static FeatureInputs One(string role, string? defaultInput = null) =>
        new([role], defaultInput is null ? [] : [defaultInput], Fixed: false);

    /// <summary>Always the given bar fields; <c>of</c> not allowed.</summary>
    public static FeatureInputs Fields(params string[] fields) => new(fields, fields, Fixed: true);
}
