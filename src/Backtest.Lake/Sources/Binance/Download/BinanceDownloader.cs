using System.Net;
using System.Security.Cryptography;
using System.Text;
using Backtest.Core.Market;

namespace Backtest.Lake.Sources.Binance.Download;

/// <summary>
/// Fetches Binance Data Vision archives into a raw folder, mirroring the server's path layout
/// (rawDir/data/futures/um/monthly/klines/BTCUSDT/5m/BTCUSDT-5m-2024-01.zip), so <see cref="BinanceRawFolder"/>
/// reads the result as it reads any Data Vision tree. Complete months come as monthly archives; the current month
/// as daily archives up to yesterday (Binance publishes a day's file the next day and a month's after it ends;
/// fundingRate has monthly archives only, metrics daily only). Every archive is checked against its published
/// .CHECKSUM (SHA-256); an archive already present with that checksum is not fetched again, and new files are
/// written to a temporary file in the same folder and renamed into place, so an interrupted run never leaves a
/// torn archive.
/// </summary>
public sealed class BinanceDownloader(HttpClient http, BinanceDownloaderOptions? options = null)
{
    private readonly BinanceDownloaderOptions _options = options ?? new BinanceDownloaderOptions();

    /// <summary>
    /// The Data Vision paths (relative to the server root and to the raw folder) a request covers as of
    /// <paramref name="today"/> (UTC), in time order, plus notes on periods not yet published.
    /// </summary>
    public static (IReadOnlyList<string> Paths, IReadOnlyList<string> Notes) Plan(BinanceDownloadRequest request, DateOnly today)
    {
        Validate(request);
        var current = DataMonth.Of(today);
        if (request.From > current)
            throw new ArgumentException($"the first month {request.From} is after the current month {current} (today is {today:yyyy-MM-dd} UTC): there is no data for it yet");
        var notes = new List<string>();
        var to = request.To;
        if (to > current)
        {
            notes.Add($"{request.To} is after the current month; the range stops at {current}");
            to = current;
        }
        var market = request.Market == MarketKind.Spot ? "spot" : "futures/um";
        var symbol = request.Symbol;
        var tf = request.Timeframe?.ToString();
        var paths = new List<string>();
        for (var month = request.From; month <= to; month = month.Next())
        {
            var complete = month < current;
            switch (request.Kind)
            {
                case BinanceDataKind.Klines when complete:
                    paths.Add($"data/{market}/monthly/klines/{symbol}/{tf}/{symbol}-{tf}-{month}.zip");
                    break;
                case BinanceDataKind.Klines:
                    foreach (var day in PublishedDays(month, today, notes, "klines"))
                        paths.Add($"data/{market}/daily/klines/{symbol}/{tf}/{symbol}-{tf}-{day:yyyy-MM-dd}.zip");
                    break;
                case BinanceDataKind.FundingRate when complete:
                    paths.Add($"data/futures/um/monthly/fundingRate/{symbol}/{symbol}-fundingRate-{month}.zip");
                    break;
                case BinanceDataKind.FundingRate:
                    notes.Add($"fundingRate for {month} is published as a monthly archive only after the month ends; not requested");
                    break;
                case BinanceDataKind.Metrics:
                    foreach (var day in PublishedDays(month, today, notes, "metrics"))
                        paths.Add($"data/futures/um/daily/metrics/{symbol}/{symbol}-metrics-{day:yyyy-MM-dd}.zip");
                    break;
            }
        }
        return (paths, notes);
    }

    /// <summary>
    /// Downloads what <see cref="Plan"/> lists into <paramref name="rawDir"/>. A 404 is recorded as
    /// <see cref="DownloadOutcome.Missing"/> and skipped (or fails, per <see cref="BinanceDownloaderOptions.Missing"/>);
    /// when every planned file is missing the request is an error (most likely a wrong symbol).
    /// </summary>
    public async Task<BinanceDownloadReport> DownloadAsync(BinanceDownloadRequest request, string rawDir,
        IProgress<DownloadedFile>? progress = null, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(_options.Clock.GetUtcNow().UtcDateTime);
        var (paths, notes) = Plan(request, today);
        var root = Path.GetFullPath(rawDir);
        var files = new List<DownloadedFile>(paths.Count);
        foreach (var relative in paths)
        {
            var result = await FetchAsync(relative, root, cancellationToken).ConfigureAwait(false);
            if (result.Outcome == DownloadOutcome.Missing && _options.Missing == MissingFilePolicy.Fail)
                throw new BinanceDownloadException(
                    $"{result.Url}: Binance has no such file (HTTP 404), so {request.Symbol} has no {request.Kind.ToDataVisionName()} data for that period; stopping because missing files are set to fail");
            files.Add(result);
            progress?.Report(result);
        }
        var report = new BinanceDownloadReport(files, notes);
        if (files.Count > 0 && report.Count(DownloadOutcome.Missing) == files.Count)
        {
            var what = request.Kind == BinanceDataKind.Klines ? $"{request.Timeframe} klines" : request.Kind.ToDataVisionName();
            throw new BinanceDownloadException(
                $"{_options.BaseUri} has no {request.Market.ToFolder()} {what} for {request.Symbol} from {request.From} to {request.To}: all {files.Count} file(s) returned HTTP 404 (first: {files[0].Url}); check the symbol and that it was listed in that period");
        }
        return report;
    }

    private async Task<DownloadedFile> FetchAsync(string relative, string root, CancellationToken ct)
    {
        var url = new Uri(_options.BaseUri, relative);
        var checksumUrl = new Uri(_options.BaseUri, relative + ".CHECKSUM");
        var local = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
        var name = Path.GetFileName(local);

        var checksumBytes = await GetBytesAsync(checksumUrl, ct).ConfigureAwait(false);
        if (checksumBytes is null) return new DownloadedFile(relative, url, DownloadOutcome.Missing, null);
        var expected = ParseChecksum(checksumBytes, name, checksumUrl);

        if (File.Exists(local) && await HashFileAsync(local, ct).ConfigureAwait(false) == expected)
        {
            if (!File.Exists(local + ".CHECKSUM")) await WriteAtomicAsync(local + ".CHECKSUM", checksumBytes, ct).ConfigureAwait(false);
            return new DownloadedFile(relative, url, DownloadOutcome.UpToDate, expected);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        var temp = local + ".download.tmp";
        try
        {
            var actual = await DownloadToAsync(url, temp, ct).ConfigureAwait(false);
            if (actual is null) return new DownloadedFile(relative, url, DownloadOutcome.Missing, null);
            if (actual != expected)
                throw new BinanceDownloadException(
                    $"{url}: checksum mismatch: its .CHECKSUM says SHA-256 {expected} but the downloaded bytes hash to {actual}; the file was not written (the local copy, if any, is unchanged). Try again later; if it persists the archive on the server is inconsistent");
            File.Move(temp, local, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        await WriteAtomicAsync(local + ".CHECKSUM", checksumBytes, ct).ConfigureAwait(false);
        return new DownloadedFile(relative, url, DownloadOutcome.Downloaded, expected);
    }

    // The body of a small file, or null on 404.
    private async Task<byte[]?> GetBytesAsync(Uri url, CancellationToken ct)
    {
        using var response = await SendAsync(url, ct).ConfigureAwait(false);
        if (response is null) return null;
        return await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
    }

    // Streams the body to a file while hashing it; returns the SHA-256 (lower-case hex), or null on 404.
    private async Task<string?> DownloadToAsync(Uri url, string path, CancellationToken ct)
    {
        using var response = await SendAsync(url, ct).ConfigureAwait(false);
        if (response is null) return null;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
            }
            file.Flush(flushToDisk: true);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    // A successful response, null on 404; retries network failures, 429 and 5xx; anything else is an error.
    private async Task<HttpResponseMessage?> SendAsync(Uri url, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage? response = null;
            try
            {
                response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return response;
                var status = response.StatusCode;
                response.Dispose();
                if (status == HttpStatusCode.NotFound) return null;
                var transient = status == HttpStatusCode.TooManyRequests || (int)status >= 500;
                if (!transient || attempt >= _options.Retries)
                    throw new BinanceDownloadException(
                        $"{url}: the server answered HTTP {(int)status} ({status}){(transient ? $" after {attempt + 1} attempts" : "")}; the raw folder was not changed for this file");
            }
            catch (HttpRequestException e)
            {
                response?.Dispose();
                if (attempt >= _options.Retries)
                    throw new BinanceDownloadException(
                        $"{url}: the request failed after {attempt + 1} attempts ({e.Message}); check the network or the base URL {_options.BaseUri}", e);
            }
            await Task.Delay(_options.RetryDelay * (attempt + 1), _options.Clock, ct).ConfigureAwait(false);
        }
    }

    // Data Vision .CHECKSUM files are sha256sum output: "<64 hex>  <file name>".
    private static string ParseChecksum(byte[] content, string name, Uri url)
    {
        var text = Encoding.UTF8.GetString(content).Trim();
        var parts = text.Split((char[])[' ', '\t'], 2, StringSplitOptions.RemoveEmptyEntries);
        var hash = parts.Length > 0 ? parts[0].ToLowerInvariant() : "";
        var file = parts.Length > 1 ? parts[1].Trim().TrimStart('*') : "";
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit) || file != name)
        {
            var shown = text.Length > 120 ? text[..120] + "…" : text;
            throw new BinanceDownloadException(
                $"{url}: malformed checksum file: expected \"<64 hex digits>  {name}\" (sha256sum output), found \"{shown}\"");
        }
        return hash;
    }

    private static async Task<string> HashFileAsync(string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct).ConfigureAwait(false));
    }

    private static async Task WriteAtomicAsync(string path, byte[] content, CancellationToken ct)
    {
        var temp = path + ".download.tmp";
        try
        {
            await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await file.WriteAsync(content, ct).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    // Days of the current month whose daily archive exists by now: the 1st up to yesterday.
    private static IEnumerable<DateOnly> PublishedDays(DataMonth month, DateOnly today, List<string> notes, string dataset)
    {
        var last = month == DataMonth.Of(today) ? today.AddDays(-1) : month.FirstDay.AddDays(month.Days - 1);
        if (month == DataMonth.Of(today))
            notes.Add(today.Day == 1
                ? $"{dataset} for {month}: no complete day yet (a daily archive is published the day after)"
                : $"{dataset} for {month} come as daily archives up to {last:yyyy-MM-dd} (a daily archive is published the day after)");
        for (var day = month.FirstDay; day <= last; day = day.AddDays(1)) yield return day;
    }

    private static void Validate(BinanceDownloadRequest r)
    {
        if (string.IsNullOrEmpty(r.Symbol) || !r.Symbol.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
            throw new ArgumentException($"'{r.Symbol}' is not a Binance symbol: use upper-case letters and digits, e.g. BTCUSDT");
        if (r.From > r.To) throw new ArgumentException($"the range {r.From} to {r.To} is empty: the first month is after the last");
        if (r.Kind == BinanceDataKind.Klines && r.Timeframe is null)
            throw new ArgumentException("klines need a timeframe (e.g. 5m)");
        if (r.Kind != BinanceDataKind.Klines && r.Timeframe is not null)
            throw new ArgumentException($"{r.Kind.ToDataVisionName()} has no timeframe; leave it out");
        if (r.Kind != BinanceDataKind.Klines && r.Market == MarketKind.Spot)
            throw new ArgumentException($"spot markets have no {r.Kind.ToDataVisionName()} data; it exists for USDT-M perpetuals only");
    }
}
