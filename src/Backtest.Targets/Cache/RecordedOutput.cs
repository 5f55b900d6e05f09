namespace Backtest.Targets;

/// <summary>One output of a recorded action: where it lives, its content hash (the blob's name) and size.</summary>
public sealed record RecordedOutput(string Path, string Sha256, long Bytes);
