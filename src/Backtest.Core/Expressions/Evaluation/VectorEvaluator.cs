using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Backtest.Core.Expressions.Syntax;

namespace Backtest.Core.Expressions.Evaluation;

/// <summary>
/// Evaluates a tree node by node over whole columns: each node is one span kernel over all bars (TensorPrimitives
/// for arithmetic, AVX comparisons, byte-wise and/or/not), never a per-row walk of the tree. Constants stay
/// scalar, columns are read in place, and intermediate buffers come from the array pools and are overwritten
/// in place by the parent node where possible, so an evaluation allocates little beyond its result.
/// </summary>
internal sealed class VectorEvaluator
{
    private readonly ParsedExpression _expression;
    private readonly IColumnSource _columns;
    private readonly int _length;

    /// <summary>Checks every column the expression reads exists and has <paramref name="length"/> values, before any work.</summary>
    public VectorEvaluator(ParsedExpression expression, IColumnSource columns, int length)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        foreach (var name in expression.Identifiers)
        {
            if (!columns.TryGetColumn(name, out var column))
                throw new ColumnEvaluationException(expression.ToString(), name, $"it reads '{name}' but no column of that name was supplied");
            if (column.Length != length)
                throw new ColumnEvaluationException(expression.ToString(), name, $"column '{name}' has {column.Length} values but {length} bars are evaluated");
        }
        _expression = expression;
        _columns = columns;
        _length = length;
    }

    public bool[] EvaluateBoolRoot()
    {
        var value = Bool(_expression.Root);
        var result = new bool[_length];
        if (value.IsScalar)
        {
            if (value.Scalar) result.AsSpan().Fill(true);
        }
        else
        {
            value.Vector.CopyTo(result);
        }
        Release(ref value);
        return result;
    }

    public double[] EvaluateNumberRoot()
    {
        var value = Number(_expression.Root);
        var result = new double[_length];
        if (value.IsScalar) result.AsSpan().Fill(value.Scalar);
        else value.Vector.CopyTo(result);
        Release(ref value);
        return result;
    }

    private NumberValue Number(Node node)
    {
        switch (node)
        {
            case NumberNode literal:
                return NumberValue.Constant(literal.Value);
            case IdentifierNode identifier:
                _columns.TryGetColumn(identifier.Name, out var column);
                return NumberValue.Column(column);
            case NegateNode negate:
            {
                var x = Number(negate.Operand);
                if (x.IsScalar) return NumberValue.Constant(-x.Scalar);
                var destination = Destination(ref x, out var owner);
                TensorPrimitives.Negate(x.Vector, destination);
                Release(ref x);
                return NumberValue.Scratch(owner, _length);
            }
            case BinaryNode binary:
            {
                var a = Number(binary.Left);
                var b = Number(binary.Right);
                var result = Arithmetic(binary.Operator, ref a, ref b);
                Release(ref a);
                Release(ref b);
                return result;
            }
            case CallNode call:
                return NumberCall(call);
            default:
                throw new InvalidOperationException($"{node.GetType().Name} is not numeric");
        }
    }

    private NumberValue NumberCall(CallNode call)
    {
        switch (call.Function.Kind)
        {
            case FunctionKind.Abs:
            {
                var x = Number(call.Arguments[0]);
                if (x.IsScalar) return NumberValue.Constant(Math.Abs(x.Scalar));
                var destination = Destination(ref x, out var owner);
                TensorPrimitives.Abs(x.Vector, destination);
                Release(ref x);
                return NumberValue.Scratch(owner, _length);
            }
            case FunctionKind.Min:
            case FunctionKind.Max:
            {
                var isMin = call.Function.Kind == FunctionKind.Min;
                var accumulator = Number(call.Arguments[0]);
                for (var i = 1; i < call.Arguments.Length; i++)
                {
                    var next = Number(call.Arguments[i]);
                    var combined = MinMax(isMin, ref accumulator, ref next);
                    Release(ref accumulator);
                    Release(ref next);
                    accumulator = combined;
                }
                return accumulator;
            }
            case FunctionKind.Lag:
            case FunctionKind.Highest:
            case FunctionKind.Lowest:
            {
                var x = Number(call.Arguments[0]);
                Materialise(ref x);
                var destination = Destination(ref x, out var owner);
                if (call.Function.Kind == FunctionKind.Lag) SeriesKernel.Lag(x.Vector, call.Bars, destination);
                else if (call.Function.Kind == FunctionKind.Highest) RollingExtremum.Highest(x.Vector, call.Bars, destination);
                else RollingExtremum.Lowest(x.Vector, call.Bars, destination);
                Release(ref x);
                return NumberValue.Scratch(owner, _length);
            }
            default:
                throw new InvalidOperationException($"{call.Function.Name} is not numeric");
        }
    }

    private BoolValue Bool(Node node)
    {
        switch (node)
        {
            case BooleanNode literal:
                return BoolValue.Constant(literal.Value);
            case NotNode not:
            {
                var x = Bool(not.Operand);
                if (x.IsScalar) return BoolValue.Constant(!x.Scalar);
                var destination = Destination(ref x, out var owner);
                TensorPrimitives.Xor(Bytes(x.Vector), (byte)1, Bytes(destination));
                Release(ref x);
                return BoolValue.Scratch(owner, _length);
            }
            case LogicalNode logical:
            {
                var accumulator = Bool(logical.Operands[0]);
                for (var i = 1; i < logical.Operands.Length; i++)
                {
                    var next = Bool(logical.Operands[i]);
                    var combined = Logical(logical.IsAnd, ref accumulator, ref next);
                    Release(ref accumulator);
                    Release(ref next);
                    accumulator = combined;
                }
                return accumulator;
            }
            case BinaryNode binary:
            {
                var a = Number(binary.Left);
                var b = Number(binary.Right);
                var result = Compare(binary.Operator, ref a, ref b);
                Release(ref a);
                Release(ref b);
                return result;
            }
            case CallNode { Function.Kind: FunctionKind.Between } between:
            {
                var x = Number(between.Arguments[0]);
                var low = Number(between.Arguments[1]);
                var high = Number(between.Arguments[2]);
                var aboveLow = Compare(BinaryOperator.LessOrEqual, ref low, ref x);
                var belowHigh = Compare(BinaryOperator.LessOrEqual, ref x, ref high);
                Release(ref x);
                Release(ref low);
                Release(ref high);
                var result = Logical(isAnd: true, ref aboveLow, ref belowHigh);
                Release(ref aboveLow);
                Release(ref belowHigh);
                return result;
            }
            case CallNode { Function.Kind: FunctionKind.CrossAbove or FunctionKind.CrossBelow } cross:
            {
                var a = Number(cross.Arguments[0]);
                var b = Number(cross.Arguments[1]);
                Materialise(ref a);
                Materialise(ref b);
                var owner = RentBool();
                var destination = owner.AsSpan(0, _length);
                if (cross.Function.Kind == FunctionKind.CrossAbove) SeriesKernel.CrossAbove(a.Vector, b.Vector, destination);
                else SeriesKernel.CrossBelow(a.Vector, b.Vector, destination);
                Release(ref a);
                Release(ref b);
                return BoolValue.Scratch(owner, _length);
            }
            default:
                throw new InvalidOperationException($"{node.GetType().Name} is not boolean");
        }
    }

    private NumberValue Arithmetic(BinaryOperator op, scoped ref NumberValue a, scoped ref NumberValue b)
    {
        if (a.IsScalar && b.IsScalar)
        {
            return NumberValue.Constant(op switch
            {
                BinaryOperator.Add => a.Scalar + b.Scalar,
                BinaryOperator.Subtract => a.Scalar - b.Scalar,
                BinaryOperator.Multiply => a.Scalar * b.Scalar,
                _ => a.Scalar / b.Scalar,
            });
        }
        var destination = Destination(ref a, ref b, out var owner);
        switch (op)
        {
            case BinaryOperator.Add:
                if (a.IsScalar) TensorPrimitives.Add(b.Vector, a.Scalar, destination);
                else if (b.IsScalar) TensorPrimitives.Add(a.Vector, b.Scalar, destination);
                else TensorPrimitives.Add(a.Vector, b.Vector, destination);
                break;
            case BinaryOperator.Subtract:
                if (a.IsScalar) TensorPrimitives.Subtract(a.Scalar, b.Vector, destination);
                else if (b.IsScalar) TensorPrimitives.Subtract(a.Vector, b.Scalar, destination);
                else TensorPrimitives.Subtract(a.Vector, b.Vector, destination);
                break;
            case BinaryOperator.Multiply:
                if (a.IsScalar) TensorPrimitives.Multiply(b.Vector, a.Scalar, destination);
                else if (b.IsScalar) TensorPrimitives.Multiply(a.Vector, b.Scalar, destination);
                else TensorPrimitives.Multiply(a.Vector, b.Vector, destination);
                break;
            default:
                if (a.IsScalar) TensorPrimitives.Divide(a.Scalar, b.Vector, destination);
                else if (b.IsScalar) TensorPrimitives.Divide(a.Vector, b.Scalar, destination);
                else TensorPrimitives.Divide(a.Vector, b.Vector, destination);
                break;
        }
        return NumberValue.Scratch(owner, _length);
    }

    private NumberValue MinMax(bool isMin, scoped ref NumberValue a, scoped ref NumberValue b)
    {
        if (a.IsScalar && b.IsScalar)
            return NumberValue.Constant(isMin ? Math.Min(a.Scalar, b.Scalar) : Math.Max(a.Scalar, b.Scalar));
        var destination = Destination(ref a, ref b, out var owner);
        // min/max are commutative (NaN propagates, -0 < +0 either way), so a scalar may go on either side.
        if (a.IsScalar)
        {
            if (isMin) TensorPrimitives.Min(b.Vector, a.Scalar, destination);
            else TensorPrimitives.Max(b.Vector, a.Scalar, destination);
        }
        else if (b.IsScalar)
        {
            if (isMin) TensorPrimitives.Min(a.Vector, b.Scalar, destination);
            else TensorPrimitives.Max(a.Vector, b.Scalar, destination);
        }
        else
        {
            if (isMin) TensorPrimitives.Min(a.Vector, b.Vector, destination);
            else TensorPrimitives.Max(a.Vector, b.Vector, destination);
        }
        return NumberValue.Scratch(owner, _length);
    }

    private BoolValue Compare(BinaryOperator op, scoped ref NumberValue a, scoped ref NumberValue b) => op switch
    {
        BinaryOperator.Less => Compare<Comparisons.Less>(ref a, ref b),
        BinaryOperator.LessOrEqual => Compare<Comparisons.LessOrEqual>(ref a, ref b),
        BinaryOperator.Greater => Compare<Comparisons.Greater>(ref a, ref b),
        BinaryOperator.GreaterOrEqual => Compare<Comparisons.GreaterOrEqual>(ref a, ref b),
        BinaryOperator.Equal => Compare<Comparisons.Equal>(ref a, ref b),
        BinaryOperator.NotEqual => Compare<Comparisons.NotEqual>(ref a, ref b),
        _ => throw new InvalidOperationException($"{op} is not a comparison"),
    };

    /// <summary>Compares without consuming its operands (between reads x twice).</summary>
    private BoolValue Compare<TOp>(scoped ref NumberValue a, scoped ref NumberValue b) where TOp : struct, IComparison
    {
        if (a.IsScalar && b.IsScalar) return BoolValue.Constant(TOp.Test(a.Scalar, b.Scalar));
        var owner = RentBool();
        var destination = owner.AsSpan(0, _length);
        if (a.IsScalar) ComparisonKernel.Compare<TOp>(a.Scalar, b.Vector, destination);
        else if (b.IsScalar) ComparisonKernel.Compare<TOp>(a.Vector, b.Scalar, destination);
        else ComparisonKernel.Compare<TOp>(a.Vector, b.Vector, destination);
        return BoolValue.Scratch(owner, _length);
    }

    private BoolValue Logical(bool isAnd, scoped ref BoolValue a, scoped ref BoolValue b)
    {
        if (a.IsScalar && b.IsScalar) return BoolValue.Constant(isAnd ? a.Scalar & b.Scalar : a.Scalar | b.Scalar);
        if (a.IsScalar || b.IsScalar)
        {
            // x and true = x, x and false = false; x or false = x, x or true = true.
            var constant = a.IsScalar ? a.Scalar : b.Scalar;
            if (constant != isAnd) return BoolValue.Constant(constant);
            ref var vector = ref a.IsScalar ? ref b : ref a;
            var taken = vector.Owned is { } owned ? BoolValue.Scratch(owned, _length) : Copy(vector.Vector);
            vector.Owned = null;
            return taken;
        }
        var destination = Destination(ref a, ref b, out var owner);
        if (isAnd) TensorPrimitives.BitwiseAnd(Bytes(a.Vector), Bytes(b.Vector), Bytes(destination));
        else TensorPrimitives.BitwiseOr(Bytes(a.Vector), Bytes(b.Vector), Bytes(destination));
        return BoolValue.Scratch(owner, _length);
    }

    private BoolValue Copy(ReadOnlySpan<bool> vector)
    {
        var owner = RentBool();
        vector.CopyTo(owner);
        return BoolValue.Scratch(owner, _length);
    }

    /// <summary>Turns a constant into a column for kernels that shift in time (lag, highest, crossings).</summary>
    private void Materialise(ref NumberValue x)
    {
        if (!x.IsScalar) return;
        var owner = RentDouble();
        owner.AsSpan(0, _length).Fill(x.Scalar);
        x = NumberValue.Scratch(owner, _length);
    }

    private Span<double> Destination(ref NumberValue x, out double[] owner)
    {
        owner = x.Owned ?? RentDouble();
        x.Owned = null;
        return owner.AsSpan(0, _length);
    }

    private Span<double> Destination(ref NumberValue a, ref NumberValue b, out double[] owner)
    {
        if (a.Owned is not null) return Destination(ref a, out owner);
        return Destination(ref b, out owner);
    }

    private Span<bool> Destination(ref BoolValue x, out bool[] owner)
    {
        owner = x.Owned ?? RentBool();
        x.Owned = null;
        return owner.AsSpan(0, _length);
    }

    private Span<bool> Destination(ref BoolValue a, ref BoolValue b, out bool[] owner)
    {
        if (a.Owned is not null) return Destination(ref a, out owner);
        return Destination(ref b, out owner);
    }

    private double[] RentDouble() => ArrayPool<double>.Shared.Rent(_length);

    private bool[] RentBool() => ArrayPool<bool>.Shared.Rent(_length);

    private static void Release(ref NumberValue x)
    {
        if (x.Owned is { } owned) ArrayPool<double>.Shared.Return(owned);
        x.Owned = null;
    }

    private static void Release(ref BoolValue x)
    {
        if (x.Owned is { } owned) ArrayPool<bool>.Shared.Return(owned);
        x.Owned = null;
    }

    private static ReadOnlySpan<byte> Bytes(ReadOnlySpan<bool> values) => MemoryMarshal.AsBytes(values);

    private static Span<byte> Bytes(Span<bool> values) => MemoryMarshal.AsBytes(values);
}
