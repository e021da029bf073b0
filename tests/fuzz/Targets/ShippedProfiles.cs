namespace Hctr.Fuzz.Targets;

/// <summary>The shipped profiles (<c>profiles/*.yaml</c>) as seeds, read fresh so the corpus never goes stale.</summary>
internal static class ShippedProfiles
{
    public static IEnumerable<(string Name, byte[] Bytes)> Seeds(string repoRoot) =>
        Directory.GetFiles(Path.Combine(repoRoot, "profiles"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(f => ("profiles/" + Path.GetFileName(f), File.ReadAllBytes(f)));
}
