namespace Hctr.Trust.IO;

/// <summary>Atomic, durable file replacement: write a temporary file beside the target, fsync it, rename over, fsync
/// the directory (so the rename itself survives a crash). A crash leaves either the old or the new content.</summary>
public static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> data, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = mode;
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(data);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        // After the rename, not inside the try: the new file is in place, and a failure here means only that its
        // durability is unknown, which the caller must hear about (it is not rolled back).
        DirectoryFsync.Sync(directory);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original error is the one that matters.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
