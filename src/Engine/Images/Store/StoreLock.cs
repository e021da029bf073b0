namespace Hctr.Engine.Images.Store;

/// <summary>
/// An advisory lock on a file under the store (flock(2), which .NET takes for FileShare.None / read-only shares).
/// Held per open file description, so it excludes other threads and other processes alike, and the kernel drops it
/// when a holder is SIGKILLed: a crashed pull never wedges the store.
/// </summary>
public sealed class StoreLock : IDisposable
{
    private readonly FileStream _file;

    private StoreLock(FileStream file) => _file = file;

    public static async Task<StoreLock> AcquireAsync(string path, bool shared, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        for (int delay = 5; ; delay = Math.Min(delay * 2, 100))
        {
            ct.ThrowIfCancellationRequested();
            if (TryOpen(path, shared) is { } held)
            {
                return held;
            }

            await Task.Delay(delay, ct).ConfigureAwait(false);
        }
    }

    /// <summary>One attempt, no waiting: the lock, or null when another holder conflicts.</summary>
    public static StoreLock? TryAcquire(string path, bool shared)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return TryOpen(path, shared);
    }

    private static StoreLock? TryOpen(string path, bool shared)
    {
        try
        {
            return new StoreLock(shared
                ? new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite)
                : new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
