namespace Backtest.Targets;

/// <summary>A test run failed: tests failed, or <c>dotnet test</c> stopped before producing results.</summary>
public sealed class TestRunException(string message) : BuildException(message);
