namespace Backtest.Lake.Sources.Binance.Download;

/// <summary>What happened to one planned file.</summary>
public enum DownloadOutcome
{
    /// <summary>Fetched, checksum verified, written atomically.</summary>
    Downloaded,
    /// <summary>Already present with the published checksum: not fetched again.</summary>
    UpToDate,
    /// <summary>The server has no such file (HTTP 404).</summary>
    Missing,
}

/// <summary>One planned file: its path under the raw folder (the Data Vision path), its URL and the outcome.</summary>
public sealed record DownloadedFile(string RelativePath, Uri Url, DownloadOutcome Outcome, string? Sha256);

/// <summary>The result of a download: every planned file in plan order, and notes on what was not requested and why.</summary>
public sealed record BinanceDownloadReport(IReadOnlyList<DownloadedFile> Files, IReadOnlyList<string> Notes)
{
    /// <summary>Number of files with <paramref name="outcome"/>.</summary>
    public int Count(DownloadOutcome outcome)
    {
        var n = 0;
        foreach (var f in Files)
            if (f.Outcome == outcome) n++;
        return n;
    }
}

/// <summary>A download that cannot complete: HTTP failure, checksum mismatch, malformed checksum file, no data at all.</summary>
public sealed class BinanceDownloadException(string message, Exception? inner = null) : Exception(message, inner);
