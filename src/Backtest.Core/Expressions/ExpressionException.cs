namespace Backtest.Core.Expressions;

/// <summary>
/// A parse or type error in an expression, with the 1-based column and length of the offending text so a spec
/// loader can point at the exact character in its YAML file. <see cref="Reason"/> is the bare explanation;
/// <see cref="Message"/> adds where it happened.
/// </summary>
public sealed class ExpressionException : Exception
{
    /// <summary>Creates the error at 1-based <paramref name="column"/> spanning <paramref name="length"/> characters.</summary>
    public ExpressionException(int column, int length, string message)
        : base(message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Column = column;
        Length = length;
        Reason = message;
    }

    /// <summary>1-based column (UTF-16 code unit) of the first offending character.</summary>
    public int Column { get; }

    /// <summary>How many characters the error covers (0 when it points at the end of the text).</summary>
    public int Length { get; }

    /// <summary>What is wrong, without position: e.g. "unknown function 'hihgest' (did you mean 'highest'?)".</summary>
    public string Reason { get; }

    /// <summary>The expression text the error is in, when the parser knows it.</summary>
    public string? ExpressionText { get; init; }

    /// <inheritdoc />
    public override string Message => ExpressionText is null
        ? $"expression error at column {Column}: {Reason}"
        : $"expression error at column {Column} of '{ExpressionText}': {Reason}";
}
