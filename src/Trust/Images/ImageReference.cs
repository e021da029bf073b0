namespace Hctr.Trust.Images;

/// <summary>
/// An image reference as TUF target names use it: <c>REGISTRY/REPOSITORY:TAG</c>, optionally followed by
/// <c>@sha256:DIGEST</c>. Names are taken literally (no Docker Hub defaulting): the target name is what was signed.
/// </summary>
public sealed record ImageReference(string Name, string Tag, string? Digest)
{
    /// <summary>The TUF target name: <c>REGISTRY/REPOSITORY:TAG</c>.</summary>
    public string TargetName => $"{Name}:{Tag}";

    public override string ToString() => Digest is null ? TargetName : $"{TargetName}@{Digest}";

    public static bool TryParse(string text, out ImageReference? reference, out string? error)
    {
        reference = null;
        string? digest = null;
        string rest = text;
        int at = text.IndexOf('@');
        if (at >= 0)
        {
            digest = text[(at + 1)..];
            rest = text[..at];
            if (!digest.StartsWith("sha256:", StringComparison.Ordinal) || digest.Length != 71
                || !digest[7..].All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
            {
                error = $"'{text}': digest must be sha256: followed by 64 lowercase hex digits";
                return false;
            }
        }
        int slash = rest.LastIndexOf('/');
        int colon = rest.LastIndexOf(':');
        if (colon <= slash || colon == rest.Length - 1)
        {
            error = $"'{text}': expected REGISTRY/REPOSITORY:TAG";
            return false;
        }
        if (slash <= 0 || rest.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            error = $"'{text}': expected REGISTRY/REPOSITORY:TAG with an explicit registry";
            return false;
        }
        reference = new ImageReference(rest[..colon], rest[(colon + 1)..], digest);
        error = null;
        return true;
    }
}
