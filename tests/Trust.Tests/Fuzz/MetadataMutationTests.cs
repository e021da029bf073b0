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

    private static Gen<byte[]> Mutations(byte[] seed) =>
        Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Byte, Gen.Int[0, 3], (at, value, kind) =>
        {
            var bytes = seed.ToList();
            switch (kind)
            {
                case 0: bytes[at] = value; break;
                case 1: bytes.RemoveRange(at, Math.Min(8, bytes.Count - at)); break;
                case 2: bytes.InsertRange(at, Encoding.UTF8.GetBytes("[{\"\\u0000\":-1e999}]")); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
            return bytes.ToArray();
        });

    private static void OnlyTypedRefusals(Action action)
    {
        try
        {
            action();
        }
        catch (TrustVerificationException)
        {
            // Expected outcome for most mutations.
        }
    }

    [Fact]
    public void MutatedRoot_OnlyTypedRefusals() =>
        Mutations(Repo.RootBytes(1)).Sample(bytes => OnlyTypedRefusals(() => _ = new TrustedMetadataSet(bytes, Repo.Time)), iter: 300);

    [Fact]
    public void MutatedTimestampAndSnapshot_OnlyTypedRefusals()
    {
        byte[] timestamp = Repo.Files["metadata/timestamp.json"];
        byte[] snapshot = Repo.Files["metadata/1.snapshot.json"];
        Mutations(timestamp).Sample(bytes => OnlyTypedRefusals(() => new TrustedMetadataSet(Repo.RootBytes(1), Repo.Time).UpdateTimestamp(bytes)), iter: 300);
        Mutations(snapshot).Sample(bytes => OnlyTypedRefusals(() =>
        {
            var set = new TrustedMetadataSet(Repo.RootBytes(1), Repo.Time);
            set.UpdateTimestamp(timestamp);
            set.UpdateSnapshot(bytes, trustedBytes: true);
        }), iter: 300);
    }

    [Fact]
    public void ArbitraryJson_ParsesOrRefuses()
    {
        Gen.String.Sample(text => OnlyTypedRefusals(() => JsonRead.ParseObject(Encoding.UTF8.GetBytes(text), "fuzz")), iter: 300);
    }

    [Fact]
    public void MutatedPolicy_OnlyTypedRefusals()
    {
        byte[] seed = Encoding.UTF8.GetBytes("version: 1\nimages:\n  - pattern: \"r/**\"\n    trust: {metadata-url: https://x/, root: r.json, keys: [a], threshold: 1}\n    profiles: [{name: p, digest: d}]\n");
        Mutations(seed).Sample(bytes => OnlyTypedRefusals(() => TrustPolicyParser.Parse(Encoding.UTF8.GetString(bytes), "fuzz.yaml")), iter: 300);
    }
}
