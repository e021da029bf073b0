namespace Hctr.Cli.Output;

/// <summary>Writes command output to stdout or atomically to a file (temp file, fsync, rename): never half-written.</summary>
internal static class OutputWriter
{
    public static bool Write(string? path, byte[] bytes)
    {
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(bytes);
            return true;
        }

        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full) ?? ".";
        var tmp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write))
            {
                fs.Write(bytes);
                fs.Flush(flushToDisk: true);
            }

            File.Move(tmp, full, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(tmp);
            Console.Error.WriteLine($"{path}: cannot write: {ex.Message}");
            return false;
        }
    }

    private static void TryDelete(string p)
    {
        try
        {
            File.Delete(p);
        }
        catch (IOException)
        {
            // The original error is what the user needs; a leftover temp file is named after the process.
        }
    }
}
