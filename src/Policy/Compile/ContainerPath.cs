namespace Hctr.Policy.Compile;

/// <summary>Container paths: absolute, no "." or ".." components, no NUL; normalised without a trailing slash.</summary>
internal static class ContainerPath
{
    public static bool TryNormalize(string path, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrEmpty(path) || path[0] != '/' || path.Contains('\0') || path.Contains('\n'))
        {
            return false;
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Any(p => p is "." or ".."))
        {
            return false;
        }

        normalized = "/" + string.Join('/', parts);
        return true;
    }

    public static int Depth(string normalized) => normalized == "/" ? 0 : normalized.Count(ch => ch == '/');

    /// <summary>True when <paramref name="path"/> is <paramref name="ancestor"/> or beneath it.</summary>
    public static bool IsAtOrBeneath(string path, string ancestor) =>
        ancestor == "/" || path == ancestor || path.StartsWith(ancestor + "/", StringComparison.Ordinal);
}
