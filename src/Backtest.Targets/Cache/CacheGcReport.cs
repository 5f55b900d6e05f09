namespace Backtest.Targets;

/// <summary>What a blob-store garbage collection removed and kept.</summary>
public sealed record CacheGcReport(int Records, int BlobsRemoved, long BytesRemoved, int BlobsKept, long BytesKept)
{
    /// <summary>One line for the log and the summary table.</summary>
    public override string ToString() =>
        $"removed {BlobsRemoved} blobs ({Bytes(BytesRemoved)}), kept {BlobsKept} ({Bytes(BytesKept)}) referenced by {Records} records";

    /// <summary>A byte count in the largest fitting binary unit.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.0} KiB",
        < 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.0} MiB",
        _ => $"{bytes / (1024.0 * 1024 * 1024):0.00} GiB",
    };
}
