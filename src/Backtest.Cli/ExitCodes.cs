namespace Backtest.Cli;

/// <summary>The process exit codes, so scripts can tell a bad input from a mistyped command.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;
    /// <summary>The input (blueprint, bars, costs, specs) cannot be used; one paragraph on stderr says where and why.</summary>
    public const int BadInput = 1;
    /// <summary>The command line itself is wrong: unknown command or option, missing or malformed value.</summary>
    public const int Usage = 2;
    /// <summary>A bug: an exception no input explains; the stack trace goes to stderr.</summary>
    public const int InternalError = 3;
}
