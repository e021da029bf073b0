namespace Hctr.Trust.Images;

/// <summary>The one trusted manifest for an image tag, and who vouched for it.</summary>
public sealed record ImageVerification(string TargetName, string Digest, long Length,
    IReadOnlyList<string> RolePath, IReadOnlyList<string> SignerKeyIds);
