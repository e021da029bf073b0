using System.Text;
using CsCheck;
using Hctr.Trust.Client;
using Hctr.Trust.Json;
using Hctr.Trust.Policies;
using Hctr.Trust.Tests.Simulator;
using Xunit;

namespace Hctr.Trust.Tests.Fuzz;

/// <summary>Mutated metadata and policies: only typed refusals, never another exception, never a hang.</summary>
[Trait("Category", "Unit")]
public sealed class MetadataMutationTests
{
    private static readonly RepositorySimulator Repo = new();

    private static Gen<byte[]> Mutations(byte[] seed) => ByteMutations.Of(seed, Encoding.UTF8.GetBytes("[{\"\\u0000\":-1e999}]"));

    [Fact]
    public void MutatedRoot_OnlyTypedRefusals() =>
        Mutations(Repo.RootBytes(1)).Sample(bytes => ByteMutations.OnlyTypedRefusals(() => _ = new TrustedMetadataSet(bytes, Repo.Time)), iter: 300);

    [Fact]
    public void MutatedTimestampAndSnapshot_OnlyTypedRefusals()
    {
        byte[] timestamp = Repo.Files["metadata/timestamp.json"];
        byte[] snapshot = Repo.Files["metadata/1.snapshot.json"];
        Mutations(timestamp).Sample(bytes => ByteMutations.OnlyTypedRefusals(() => new TrustedMetadataSet(Repo.RootBytes(1), Repo.Time).UpdateTimestamp(bytes)), iter: 300);
        Mutations(snapshot).Sample(bytes => ByteMutations.OnlyTypedRefusals(() =>
        {
            var set = new TrustedMetadataSet(Repo.RootBytes(1), Repo.Time);
            set.UpdateTimestamp(timestamp);
            set.UpdateSnapshot(bytes, trustedBytes: true);
        }), iter: 300);
    }

    [Fact]
    public void ArbitraryJson_ParsesOrRefuses()
    {
        Gen.String.Sample(text => ByteMutations.OnlyTypedRefusals(() => JsonRead.ParseObject(Encoding.UTF8.GetBytes(text), "fuzz")), iter: 300);
    }

    [Fact]
    public void MutatedPolicy_OnlyTypedRefusals()
    {
        byte[] seed = Encoding.UTF8.GetBytes("version: 1\nimages:\n  - pattern: \"r/**\"\n    trust: {metadata-url: https://x/, root: r.json, keys: [a], threshold: 1}\n    profiles: [{name: p, digest: d}]\n");
        Mutations(seed).Sample(bytes => ByteMutations.OnlyTypedRefusals(() => TrustPolicyParser.Parse(Encoding.UTF8.GetString(bytes), "fuzz.yaml")), iter: 300);
    }
}
