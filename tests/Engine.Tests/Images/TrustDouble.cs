using System.Collections.Concurrent;
using Hctr.Engine.Images;
using Hctr.Trust.Images;

namespace Hctr.Engine.Tests.Images;

/// <summary>An <see cref="IImageTrust"/> that accepts or refuses everything and records what it was asked.</summary>
internal sealed class TrustDouble(bool trusted) : IImageTrust
{
    public ConcurrentQueue<(string Image, string Digest, long Size)> Calls { get; } = new();

    public ConcurrentQueue<ProfileIdentity?> Profiles { get; } = new();

    public Task<TrustDecision> CheckAsync(ImageReference image, string manifestDigest, long size, ProfileIdentity? profile,
        CancellationToken ct = default)
    {
        Calls.Enqueue((image.TargetName, manifestDigest, size));
        Profiles.Enqueue(profile);
        return Task.FromResult(trusted ? TrustDecision.Accept("test double: trusted") : TrustDecision.Refuse("test double: unsigned image"));
    }
}
