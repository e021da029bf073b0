using Hctr.Sandbox.Fs;

namespace Hctr.Engine.Images.Store;

/// <summary>Crash-safe file replacement: write a unique temp file, fsync it, rename over the target, fsync the directory.</summary>
internal static class DurableFile
{
    public static void Replace(string path, ReadOnlySpan<byte> bytes)
    {
        string dir = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }
        Commit(temp, path);
    }

    /// <summary>Renames a finished, fsynced file into place and makes the rename durable.</summary>
    public static void Commit(string temp, string path)
    {
        File.Move(temp, path, overwrite: true);
        RootedFs.SyncDirectory(Path.GetDirectoryName(path)!);
    }
}
