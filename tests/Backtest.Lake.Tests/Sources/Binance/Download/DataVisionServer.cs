using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Backtest.Lake.Tests.Sources.Binance.Download;

/// <summary>
/// A stand-in for data.binance.vision on 127.0.0.1 (an ephemeral port): serves files at their Data Vision paths,
/// 404 for anything else, and counts requests so tests can tell what the downloader fetched.
/// </summary>
public sealed class DataVisionServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;
    private bool _disposed;
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _failures = new(StringComparer.Ordinal);

    /// <summary>Starts listening.</summary>
    public DataVisionServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                _listener = listener;
                BaseUri = new Uri($"http://127.0.0.1:{port}/");
                break;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The server root to give the downloader.</summary>
    public Uri BaseUri { get; }

    /// <summary>Serves a zip of one CSV entry at a Data Vision path, with its .CHECKSUM beside it (as Binance does).</summary>
    public byte[] AddArchive(string path, string csv)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var zip = TempRawFolder.ZipBytes((Path.ChangeExtension(name, ".csv"), csv));
        _files[path] = zip;
        _files[path + ".CHECKSUM"] = Encoding.ASCII.GetBytes($"{Sha256(zip)}  {name}\n");
        return zip;
    }

    /// <summary>Serves raw bytes at a path (to publish a wrong checksum or a corrupt archive).</summary>
    public void Put(string path, byte[] content) => _files[path] = content;

    /// <summary>Makes the next requests for a path fail with these HTTP statuses, in order.</summary>
    public void FailNext(string path, params int[] statuses) => _failures[path] = new ConcurrentQueue<int>(statuses);

    /// <summary>How many times a path was requested.</summary>
    public int Requests(string path) => _requests.TryGetValue(path, out var n) ? n : 0;

    /// <summary>All requested paths, sorted.</summary>
    public IReadOnlyList<string> RequestedPaths() => [.. _requests.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Lower-case hex SHA-256.</summary>
    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            var path = context.Request.Url!.AbsolutePath.TrimStart('/');
            _requests.AddOrUpdate(path, 1, (_, n) => n + 1);
            var response = context.Response;
            try
            {
                if (_failures.TryGetValue(path, out var queue) && queue.TryDequeue(out var status))
                    response.StatusCode = status;
                else if (_files.TryGetValue(path, out var body))
                {
                    response.StatusCode = 200;
                    response.ContentLength64 = body.Length;
                    await response.OutputStream.WriteAsync(body);
                }
                else response.StatusCode = 404;
            }
            finally
            {
                response.Close();
            }
        }
    }

    /// <summary>Stops listening (safe to call twice).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); }
        catch (AggregateException) { }
    }
}
