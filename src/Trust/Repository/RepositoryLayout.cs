namespace Hctr.Trust.Repository;

/// <summary>File names inside a repository directory: <c>staged/</c> holds the signing state.</summary>
internal static class RepositoryLayout
{
    public static string Staged(string repo) => Path.Combine(repo, "staged");
    public static string Role(string repo, string role) => Path.Combine(Staged(repo), $"{Uri.EscapeDataString(role)}.json");
    public static string VersionedRoot(string repo, long version) => Path.Combine(Staged(repo), $"{version}.root.json");
    public static string RoleNameOf(string fileName) => Uri.UnescapeDataString(Path.GetFileNameWithoutExtension(fileName));
}
