using Hctr.Policy.Loading;

namespace Hctr.Engine.Profiles;

/// <summary>
/// Reads profiles from the file system. <c>extends:</c> references resolve relative to the directory of the
/// file that names them. Names are shown relative to the working directory when the file lies beneath it,
/// so diagnostics read like a compiler's. Files over <see cref="MaxBytes"/> are refused.
/// </summary>
public sealed class FileProfileSource(string? workingDirectory = null) : IProfileSource
{
    public const int MaxBytes = 1 << 20;

    private readonly string _cwd = workingDirectory ?? Directory.GetCurrentDirectory();

    public ProfileText Read(string reference, string? from)
    {
        var full = FullPath(reference, from);
        var name = Display(full);
        try
        {
            var info = new FileInfo(full);
            if (!info.Exists)
            {
                return ProfileText.Missing(name, Directory.Exists(full) ? "it is a directory" : "no such file");
            }

            if (info.Length > MaxBytes)
            {
                return ProfileText.Missing(name, $"the file is larger than {MaxBytes} bytes");
            }

            return ProfileText.Found(name, File.ReadAllText(full));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ProfileText.Missing(name, ex.Message);
        }
    }

    /// <summary>Where <paramref name="reference"/> (named in <paramref name="from"/>, or top-level when null) lies.</summary>
    public string FullPath(string reference, string? from)
    {
        var baseDir = from is null ? _cwd : Path.GetDirectoryName(Path.GetFullPath(from, _cwd)) ?? _cwd;
        return Path.GetFullPath(reference, baseDir);
    }

    private string Display(string full)
    {
        var rel = Path.GetRelativePath(_cwd, full);
        return rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel) ? full : rel;
    }
}
