using Hctr.Policy.Loading;

namespace Hctr.Policy.Tests;

/// <summary>Locates the repository (the directory holding Hardened.sln) from the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Profiles => Path.Combine(Root, "profiles");

    private static string Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Hardened.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("Hardened.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Reads profiles from disk for tests (Engine's FileProfileSource is not referenced by Policy.Tests).</summary>
internal sealed class DirectorySource : IProfileSource
{
    public ProfileText Read(string reference, string? from)
    {
        var dir = from is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(from)!;
        var full = Path.GetFullPath(reference, dir);
        return File.Exists(full) ? ProfileText.Found(full, File.ReadAllText(full)) : ProfileText.Missing(full, "no such file");
    }
}
