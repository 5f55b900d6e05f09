namespace Backtest.Cli;

/// <summary>The `backtest` executable's entry point.</summary>
public static class Program
{
    /// <summary>Dispatches the command line; commands arrive with the engine (see README).</summary>
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("backtest: no commands yet");
        return 2;
    }
}
