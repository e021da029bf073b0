using System.Text;
using CsCheck;
using Hctr.Trust.Signatures;
using Hctr.Trust.Tests.Signatures;
using Xunit;

namespace Hctr.Trust.Tests.Fuzz;

/// <summary>Mutated signature envelopes, payloads and CMS blobs: only typed refusals, never another exception
/// (the bounded in-suite counterpart of tests/fuzz/TrustSignatures).</summary>
[Trait("Category", "Unit")]
public sealed class SignatureMutationTests
{
    private const string Digest = "sha256:97fc222cee7991b5b061d4d4afdb5f3428fcb0c9054e1690313786befa1e4e36";

    private static Gen<byte[]> Mutations(byte[] seed) =>
        Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Byte, Gen.Int[0, 4], (at, value, kind) =>
        {
            var bytes = seed.ToList();
            switch (kind)
            {
                case 0: bytes[at] = value; break;
                case 1: bytes.RemoveRange(at, Math.Min(8, bytes.Count - at)); break;
                case 2: bytes.InsertRange(at, Encoding.UTF8.GetBytes("{\"\\u0000\":-1e999,\"digest\":[]}")); break;
                case 3: bytes.InsertRange(at, [0x30, 0x84, 0xff, 0xff, 0xff, 0xff]); break;
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
            // Expected for most mutations.
        }
    }

    [Fact]
    public void Mutated_signature_manifests_only_refuse()
    {
        var layer = new SignatureLayer(SignatureFormats.SimpleSigningMediaType, "sha256:" + new string('c', 64), 245,
            new Dictionary<string, string> { [SignatureFormats.CosignSignatureAnnotation] = "MEUCIQ==", [SignatureFormats.CmsSignatureAnnotation] = "MAA=" });
        byte[] seed = new SignatureManifest([layer, layer]).Build().Manifest;
        Mutations(seed).Sample(bytes => OnlyTypedRefusals(() => SignatureManifest.Parse(bytes)), iter: 400);
    }

    [Fact]
    public void Mutated_payloads_only_refuse()
    {
        byte[] seed = new SimpleSigningPayload("registry.example/team/app", Digest).ToBytes();
        Mutations(seed).Sample(bytes => OnlyTypedRefusals(() => SimpleSigningPayload.Parse(bytes)), iter: 400);
    }

    [Fact]
    public void Mutated_cms_signatures_only_refuse_and_never_verify()
    {
        using var ca = new TestCa();
        using var leaf = ca.Leaf();
        byte[] payload = new SimpleSigningPayload("registry.example/team/app", Digest).ToBytes();
        byte[] seed = CmsSignature.Sign(payload, leaf, ca.Intermediates, DateTimeOffset.UtcNow);
        Mutations(seed).Sample(bytes =>
        {
            try
            {
                CmsSignature.Verify(payload, bytes, ca.Roots, DateTimeOffset.UtcNow);
                // A mutation may leave the signed part intact (e.g. in an unsigned attribute or a certificate bag
                // copy); what verified must still be the same signer over the same payload.
            }
            catch (TrustVerificationException)
            {
                // Expected.
            }
        }, iter: 300);
    }
}
