namespace Backtest.Targets.Tests;

/// <summary>The stat cache avoids rehashing unchanged files, and never trusts a file modified within the racy window.</summary>
public sealed class StatCacheTests : IDisposable
{
    private readonly ScratchRoot _root = new();
    private static readonly DateTime Old = new(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);

    public void Dispose() => _root.Dispose();

    private StatCache Load() => StatCache.Load(_root.Path, _root["data/cache/stat.json"]);

    private static string Sha(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Unchanged_size_and_mtime_reuse_the_remembered_hash_without_reading_the_file()
    {
        _root.Write("data/x.txt", "aaaa");
        File.SetLastWriteTimeUtc(_root["data/x.txt"], Old);
        var first = Load();
        Assert.Equal(Sha("aaaa"), first.TryHash("data/x.txt"));
        first.Save();
        Assert.True(_root.Exists("data/cache/stat.json"));

        // Same size, same mtime, different bytes: only a cache hit can still answer the old hash.
        File.WriteAllText(_root["data/x.txt"], "bbbb");
        File.SetLastWriteTimeUtc(_root["data/x.txt"], Old);
        Assert.Equal(Sha("aaaa"), Load().TryHash("data/x.txt"));

        File.SetLastWriteTimeUtc(_root["data/x.txt"], Old.AddSeconds(1));
        Assert.Equal(Sha("bbbb"), Load().TryHash("data/x.txt"));
    }

    [Fact]
    public void A_size_change_is_rehashed_at_the_next_target_and_a_missing_file_is_null()
    {
        _root.Write("data/x.txt", "aaaa");
        File.SetLastWriteTimeUtc(_root["data/x.txt"], Old);
        var cache = Load();
        cache.TryHash("data/x.txt");
        File.WriteAllText(_root["data/x.txt"], "aaaaa");
        File.SetLastWriteTimeUtc(_root["data/x.txt"], Old);
        Assert.Equal(Sha("aaaa"), cache.TryHash("data/x.txt"));     // within a target each path is looked at once
        cache.BeginTarget();
        Assert.Equal(Sha("aaaaa"), cache.TryHash("data/x.txt"));
        File.Delete(_root["data/x.txt"]);
        cache.BeginTarget();
        Assert.Null(cache.TryHash("data/x.txt"));
    }

    [Fact]
    public void Files_modified_within_the_racy_window_are_not_remembered_across_runs()
    {
        _root.Write("data/fresh.txt", "aaaa");
        var cache = Load();
        Assert.Equal(Sha("aaaa"), cache.TryHash("data/fresh.txt"));
        cache.Save();
        Assert.False(_root.Exists("data/cache/stat.json"));
    }

    [Fact]
    public void The_saved_cache_is_sorted_and_reloads_identically()
    {
        foreach (var name in new[] { "c", "a", "b" })
        {
            _root.Write($"data/{name}.txt", name);
            File.SetLastWriteTimeUtc(_root[$"data/{name}.txt"], Old);
        }
        var cache = Load();
        foreach (var name in new[] { "c", "a", "b" }) cache.TryHash($"data/{name}.txt");
        cache.Save();
        var text = _root.Read("data/cache/stat.json");
        Assert.True(text.IndexOf("data/a.txt", StringComparison.Ordinal) < text.IndexOf("data/b.txt", StringComparison.Ordinal)
                    && text.IndexOf("data/b.txt", StringComparison.Ordinal) < text.IndexOf("data/c.txt", StringComparison.Ordinal));
        File.Delete(_root["data/cache/stat.json"]);
        var again = Load();
        foreach (var name in new[] { "a", "b", "c" }) again.TryHash($"data/{name}.txt");
        again.Save();
        Assert.Equal(text, _root.Read("data/cache/stat.json"));
    }
}
