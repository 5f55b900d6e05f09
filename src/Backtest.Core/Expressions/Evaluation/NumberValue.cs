namespace Backtest.Core.Expressions.Evaluation;

/// <summary>
/// The value of a numeric node over all bars: a constant (not materialised), a caller's column (read in
/// place, never copied) or a pooled scratch buffer that the consumer reuses or returns.
/// </summary>
internal ref struct NumberValue
{
    public ReadOnlySpan<double> Vector;
    public double Scalar;
    public bool IsScalar;
    public double[]? Owned;

    public static NumberValue Constant(double value) => new() { Scalar = value, IsScalar = true };

    public static NumberValue Column(ReadOnlySpan<double> column) => new() { Vector = column };

    public static NumberValue Scratch(double[] owned, int length) => new() { Vector = owned.AsSpan(0, length), Owned = owned };
}
