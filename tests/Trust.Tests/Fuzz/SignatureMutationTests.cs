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

    private static Gen<byte[]> Mutations(byte[] seed) => ByteMutations.Of(seed, Encoding.UTF8.GetBytes("{\"\\u0000\":-1e999,\"digest\":[]}"), [0x30, 0x84, 0xff, 0xff, 0xff, 0xff]);

    [Fact]
    public void Mutated_signature_manifests_only_refuse()
    {
        var layer = new SignatureLayer(SignatureFormats.SimpleSigningMediaType, "sha256:" + new string('c', 64), 245,
            new Dictionary<string, string> { [SignatureFormats.CosignSignatureAnnotation] = "MEUCIQ==", [SignatureFormats.CmsSignatureAnnotation] = "MAA=" });
        byte[] seed = new SignatureManifest([layer, layer]).Build().Manifest;
        Mutations(seed).Sample(bytes => ByteMutations.OnlyTypedRefusals(() => SignatureManifest.Parse(bytes)), iter: 400);
    }

    [Fact]
    public void Mutated_payloads_only_refuse()
    {
        byte[] seed = new SimpleSigningPayload("registry.example/team/app", Digest).ToBytes();
        Mutations(seed).Sample(bytes => ByteMutations.OnlyTypedRefusals(() => SimpleSigningPayload.Parse(bytes)), iter: 400);
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
