namespace Hctr.Engine.Images;

/// <summary>The security profile a run asks for, as the trust policy names it: the file name without extension
/// and the sha256 of the file's bytes (what <c>profiles: [{name, digest}]</c> in trust-policy.yaml pins).</summary>
public sealed record ProfileIdentity(string Name, string Digest)
{
    public static ProfileIdentity OfFile(string path) => new(
        Path.GetFileNameWithoutExtension(path),
        "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))));
}
