using Hctr.Trust.Images;

namespace Hctr.Engine.Images;

/// <summary>The <c>--insecure-skip-verify-unsafe</c> escape hatch: trusts everything and says so in the decision
/// (which pull output and audit records show). Never a default.</summary>
public sealed class SkipVerificationUnsafe : IImageTrust
{
    public Task<TrustDecision> CheckAsync(ImageReference image, string manifestDigest, long size, ProfileIdentity? profile,
        CancellationToken ct = default) =>
        Task.FromResult(TrustDecision.Accept("UNSAFE: signature verification skipped (--insecure-skip-verify-unsafe)"));
}
