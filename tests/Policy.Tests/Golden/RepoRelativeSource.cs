using Hctr.Policy.Loading;

namespace Hctr.Policy.Tests.Golden;

/// <summary>
/// Reads profiles from the repository and names them by their repository-relative path with '/'
/// separators (<c>profiles/web-strict.yaml</c>), so every file name that reaches a diagnostic or a
/// plan's <c>origin</c> is the same in every clone, on every machine.
/// </summary>
internal sealed class RepoRelativeSource(string root) : IProfileSource
{
    public ProfileText Read(string reference, string? from)
    {
        var baseDir = from is null ? root : Path.GetDirectoryName(Path.Combine(root, from))!;
        var full = Path.GetFullPath(reference, baseDir);
        var name = Path.GetRelativePath(root, full).Replace('\\', '/');
        return File.Exists(full) ? ProfileText.Found(name, File.ReadAllText(full)) : ProfileText.Missing(name, "no such file");
    }
}
