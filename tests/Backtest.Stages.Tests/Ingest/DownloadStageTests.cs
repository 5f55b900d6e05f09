using System.Net;
using Backtest.Core.Market;
using Backtest.Stages.Ingest;
using Backtest.Stages.Pipeline;

namespace Backtest.Stages.Tests.Ingest;

/// <summary>The Download target's glue: what it asks for, and its errors before and after touching the network.</summary>
public sealed class DownloadStageTests
{
    private sealed class Recorder : HttpMessageHandler
    {
        public List<string> Urls { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Urls) Urls.Add(request.RequestUri!.AbsolutePath);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }
    }

    private static PipelineSettings Settings(string? rawDir, string? from, string? to, MarketKind market = MarketKind.Perp) => new()
    {
        Root = Path.GetTempPath(),
        Symbols = ["NOSUCHUSDT"],
        Source = Sources.Binance,
        Market = market,
        RawDir = rawDir,
        From = from is null ? null : new DateTimeOffset(DateTime.Parse(from + "T00:00:00Z").ToUniversalTime()).ToUnixTimeMilliseconds(),
        To = to is null ? null : new DateTimeOffset(DateTime.Parse(to + "T00:00:00Z").ToUniversalTime()).ToUnixTimeMilliseconds(),
    };

    [Theory]
    [InlineData(null, "2024-01-01", null, "Download needs --raw-dir")]
    [InlineData("raw", null, null, "Download needs --from")]
    [InlineData("raw", "2024-03-01", "2024-01-01", "--to (2024-01) is before --from (2024-03)")]
    public async Task Missing_or_inconsistent_parameters_are_named(string? rawDir, string? from, string? to, string message)
    {
        using var http = new HttpClient(new Recorder());
        var e = await Assert.ThrowsAsync<ArgumentException>(() => DownloadStage.RunAsync(Settings(rawDir, from, to), http, _ => { }, CancellationToken.None));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public async Task A_symbol_Binance_does_not_have_fails_naming_it_and_writes_nothing()
    {
        var raw = Path.Combine(Path.GetTempPath(), "download-stage-" + Guid.NewGuid().ToString("N"));
        var recorder = new Recorder();
        using var http = new HttpClient(recorder);
        try
        {
            var e = await Assert.ThrowsAnyAsync<Exception>(() =>
                DownloadStage.RunAsync(Settings(raw, "2024-01-01", "2024-02-01"), http, _ => { }, CancellationToken.None));

            Assert.Contains("NOSUCHUSDT", e.Message);
            Assert.Contains("404", e.Message);
            Assert.Equal("/data/futures/um/monthly/klines/NOSUCHUSDT/5m/NOSUCHUSDT-5m-2024-01.zip.CHECKSUM", recorder.Urls[0]);
            Assert.False(Directory.Exists(raw) && Directory.EnumerateFiles(raw, "*", SearchOption.AllDirectories).Any());
        }
        finally
        {
            if (Directory.Exists(raw)) Directory.Delete(raw, recursive: true);
        }
    }
}
