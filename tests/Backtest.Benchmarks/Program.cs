using BenchmarkDotNet.Running;

namespace Backtest.Benchmarks;

/// <summary>Entry point: `dotnet run -c Release --project tests/Backtest.Benchmarks -- --filter '*Ema*'`.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
