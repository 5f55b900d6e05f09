namespace Backtest.Core.Expressions.Evaluation;

/// <summary>The value of a boolean node over all bars: a constant or a pooled scratch buffer (see <see cref="NumberValue"/>).</summary>
internal ref struct BoolValue
{
    public ReadOnlySpan<bool> Vector;
    public bool Scalar;
    public bool IsScalar;
    public bool[]? Owned;

    public static BoolValue Constant(bool value) => new() { Scalar = value, IsScalar = true };

    public static BoolValue Scratch(bool[] owned, int length) => new() { Vector = owned.AsSpan(0, length), Owned = owned };
}
