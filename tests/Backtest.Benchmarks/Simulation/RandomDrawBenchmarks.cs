using BenchmarkDotNet.Attributes;
using Backtest.Core.Simulation;

namespace Backtest.Benchmarks.Simulation;

/// <summary>
/// Cost of the simulator's primitives, 1,000 operations per invocation (divide by 1,000 for one draw).
/// Run: dotnet run -c Release --project tests/Backtest.Benchmarks -- --filter '*RandomDraw*'
/// </summary>
public class RandomDrawBenchmarks
{
    private const int Operations = 1000;
    private readonly Xoshiro256StarStar _rng = new(1);

    /// <summary>Raw 64-bit outputs.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public ulong UInt64()
    {
        ulong acc = 0;
        for (var i = 0; i < Operations; i++) acc ^= _rng.NextUInt64();
        return acc;
    }

    /// <summary>Standard normal draws (Marsaglia polar).</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public double Normal()
    {
        double acc = 0;
        for (var i = 0; i < Operations; i++) acc += _rng.NextNormal();
        return acc;
    }

    /// <summary>Student-t(5) draws (Bailey polar: odd ν).</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public double StudentT5()
    {
        double acc = 0;
        for (var i = 0; i < Operations; i++) acc += _rng.NextStudentT(5);
        return acc;
    }

    /// <summary>Student-t(4) draws (normal over exponentials: even ν, what jump sizes use).</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public double StudentT4()
    {
        double acc = 0;
        for (var i = 0; i < Operations; i++) acc += _rng.NextStudentT(4);
        return acc;
    }

    /// <summary>Exponential draws (ziggurat).</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public double Exponential()
    {
        double acc = 0;
        for (var i = 0; i < Operations; i++) acc += _rng.NextExponential();
        return acc;
    }

    /// <summary>Portable exp over the simulator's typical range.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public double PortableExp()
    {
        double acc = 0;
        for (var i = 0; i < Operations; i++) acc += PortableMath.Exp(i * 1e-3 - 0.5);
        return acc;
    }

    /// <summary>Portable log over the simulator's typical range.</summary>
    [Benchmark(OperationsPerInvoke = Operations)]
    public double PortableLog()
    {
        double acc = 0;
        for (var i = 0; i < Operations; i++) acc += PortableMath.Log(i * 1e-3 + 0.01);
        return acc;
    }
}
