using System.Text.Json;

namespace Backtest.Targets;

/// <summary>
/// Keeps two pipelines from writing one data folder at once. The lock is an exclusive OS lock on
/// <c>data/runtime/pipeline.lock</c> (released by the kernel when the holder exits, even when killed, so it can
/// never go stale); the holder's PID, command and start time sit beside it in <c>pipeline.lock.owner.json</c> so
/// that a second runner fails fast naming them.
/// </summary>
internal sealed class PipelineLock : IDisposable
{
    private readonly FileStream _handle;
    private readonly string _ownerFile;

    private PipelineLock(FileStream handle, string ownerFile)
    {
        _handle = handle;
        _ownerFile = ownerFile;
    }

    /// <summary>The lock file of a data folder.</summary>
    public static string LockPath(string dataDirectory) => Path.Combine(dataDirectory, "runtime", "pipeline.lock");

    /// <summary>Takes the lock or throws <see cref="PipelineLockedException"/> naming the holder.</summary>
    public static PipelineLock Acquire(string dataDirectory, string command, DateTimeOffset now)
    {
        var path = LockPath(dataDirectory);
        var ownerFile = path + ".owner.json";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FileStream handle;
        try
        {
            handle = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException)
        {
            throw new PipelineLockedException(path, ReadOwner(ownerFile));
        }
        catch (UnauthorizedAccessException)
        {
            throw new PipelineLockedException(path, ReadOwner(ownerFile));
        }

        var owner = new LockOwner(Environment.ProcessId, command, now.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), Environment.MachineName);
        AtomicFile.WriteAllBytes(ownerFile, owner.ToJson());
        return new PipelineLock(handle, ownerFile);
    }

    /// <summary>Releases the lock (the lock file stays: deleting it would let two runners lock two different files).</summary>
    public void Dispose()
    {
        TemporaryFiles.TryDelete(_ownerFile);
        _handle.Dispose();
    }

    private static LockOwner? ReadOwner(string ownerFile)
    {
        // The holder writes its details right after locking: give a starting holder a moment.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (File.Exists(ownerFile))
                    return LockOwner.FromJson(File.ReadAllBytes(ownerFile));
            }
            catch (IOException) { }
            catch (JsonException) { }
            catch (KeyNotFoundException) { }
            catch (InvalidOperationException) { }
            Thread.Sleep(20);
        }
        return null;
    }
}
