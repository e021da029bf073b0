using Hctr.Engine.Profiles;
using Hctr.Policy.Loading;

namespace Hctr.Engine.Images;

/// <summary>The security profile a run asks for, as the trust policy names it: the file name without extension
/// and the profile's content digest over its whole <c>extends:</c> chain (<see cref="ProfileLoader.ChainDigest"/>,
/// what <c>hctr profile digest</c> prints and <c>profiles: [{name, digest}]</c> in trust-policy.yaml pins).</summary>
public sealed record ProfileIdentity(string Name, string Digest)
{
    public static ProfileIdentity OfFile(string path) =>
        new(Path.GetFileNameWithoutExtension(path), ProfileLoader.Load(path, new FileProfileSource()).Digest);
}
