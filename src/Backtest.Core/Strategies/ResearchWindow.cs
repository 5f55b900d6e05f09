namespace Backtest.Core.Strategies;

/// <summary>The train window a blueprint was compiled in: its id (the reports folder name) and [StartTs, EndTs] as bar closes, int64 ms UTC.</summary>
public sealed record ResearchWindow(string Id, long StartTs, long EndTs);
