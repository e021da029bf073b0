namespace Hctr.Fuzz.Engine;

/// <summary>
/// Seed inputs of a target: the checked-in files under <c>tests/fuzz/corpus/&lt;target&gt;/</c> (in name
/// order) followed by the target's repository seeds (shipped profiles, golden plans).
/// </summary>
internal static class Corpus
{
    public static string Directory(string repoRoot, FuzzTarget target) => Path.Combine(repoRoot, "tests", "fuzz", "corpus", target.Name);

    public static IReadOnlyList<(string Name, byte[] Bytes)> Load(string repoRoot, FuzzTarget target)
    {
        var dir = Directory(repoRoot, target);
        var files = System.IO.Directory.Exists(dir)
            ? System.IO.Directory.GetFiles(dir).Order(StringComparer.Ordinal)
                .Select(f => ($"tests/fuzz/corpus/{target.Name}/{Path.GetFileName(f)}", File.ReadAllBytes(f)))
            : [];
        return [.. files, .. target.RepositorySeeds(repoRoot)];
    }

    /// <summary>The directory holding Hardened.sln, searched upwards from <paramref name="start"/>.</summary>
    public static string? FindRepoRoot(string start)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Hardened.sln")))
            {
                return d.FullName;
            }
        }

        return null;
    }
}
