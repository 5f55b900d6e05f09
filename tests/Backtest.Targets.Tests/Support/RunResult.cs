namespace Backtest.Targets.Tests;

/// <summary>The outcome of one in-process run.</summary>
public sealed record RunResult(int ExitCode, string Output)
{
    /// <summary>The summary-table row of a target ("Squares            UpToDate      &lt; 1sec   // up to date 5").</summary>
    public string Row(string target) =>
        Output.Split('\n').LastOrDefault(l => l.StartsWith(target + " ", StringComparison.Ordinal) && (l.Contains("Succeeded") || l.Contains("UpToDate") || l.Contains("Restored") || l.Contains("Failed") || l.Contains("Skipped") || l.Contains("NotRun") || l.Contains("Aborted")))
        ?? throw new Xunit.Sdk.XunitException($"no summary row for {target} in:\n{Output}");

    /// <summary>The status word of a target in the summary table.</summary>
    public string Status(string target) => Row(target)[(target.Length)..].Trim().Split(' ')[0];
}
