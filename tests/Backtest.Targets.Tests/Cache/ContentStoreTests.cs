namespace Backtest.Targets.Tests;

/// <summary>The blob store links when it can and copies when it cannot, and verifies blobs before restoring them.</summary>
public sealed class ContentStoreTests : IDisposable
{
    private readonly ScratchRoot _root = new();
    private readonly string _elsewhere = Path.Combine("/dev/shm", "bt-store-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        _root.Dispose();
        if (Directory.Exists(_elsewhere)) Directory.Delete(_elsewhere, recursive: true);
    }

    private static string Sha(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void On_one_file_system_a_blob_is_a_hard_link_to_the_output()
    {
        var store = new ContentStore(_root["data/cache/cas"]);
        _root.Write("data/out.txt", "payload");
        store.Put(_root["data/out.txt"], Sha("payload"));
        File.AppendAllText(_root["data/out.txt"], "+");     // in place: the same inode
        Assert.Equal("payload+", File.ReadAllText(store.PathOf(Sha("payload"))));
        Assert.False(store.Verify(Sha("payload")));          // detected, and the corrupt blob is dropped
        Assert.False(store.Contains(Sha("payload")));
    }

    [CrossDeviceFact]
    public void Across_file_systems_blobs_are_copied_in_and_out()
    {
        Directory.CreateDirectory(_elsewhere);
        var source = Path.Combine(_elsewhere, "out.txt");
        File.WriteAllText(source, "payload");
        var store = new ContentStore(_root["data/cache/cas"]);
        store.Put(source, Sha("payload"));
        File.AppendAllText(source, "+");
        Assert.Equal("payload", File.ReadAllText(store.PathOf(Sha("payload"))));
        Assert.True(store.Verify(Sha("payload")));

        var destination = Path.Combine(_elsewhere, "restored", "out.txt");
        store.Materialize(Sha("payload"), destination);
        File.AppendAllText(destination, "!");
        Assert.Equal("payload", File.ReadAllText(store.PathOf(Sha("payload"))));
        Assert.Empty(Directory.EnumerateFiles(_elsewhere, "*.bt-tmp", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }));
        Assert.DoesNotContain(_root.Files(), f => f.EndsWith(".bt-tmp", StringComparison.Ordinal));
    }
}
