using System.Text;
using Hctr.Trust.Signatures;
using Xunit;

namespace Hctr.Trust.Tests.Signatures;

[Trait("Category", "Unit")]
public sealed class SimpleSigningPayloadTests
{
    private const string Digest = "sha256:97fc222cee7991b5b061d4d4afdb5f3428fcb0c9054e1690313786befa1e4e36";

    private static TrustFailureReason Refusal(string json) =>
        Assert.Throws<TrustVerificationException>(() => SimpleSigningPayload.Parse(Encoding.UTF8.GetBytes(json))).Reason;

    [Fact]
    public void Parses_the_payload_cosign_writes()
    {
        // The byte layout cosign's sign command produces (Go's encoding/json: keys in struct order, optional null).
        string cosign = "{\"critical\":{\"identity\":{\"docker-reference\":\"127.0.0.1:5000/team/web\"},\"image\":{\"docker-manifest-digest\":\""
            + Digest + "\"},\"type\":\"cosign container image signature\"},\"optional\":null}";
        var payload = SimpleSigningPayload.Parse(Encoding.UTF8.GetBytes(cosign));
        Assert.Equal("127.0.0.1:5000/team/web", payload.DockerReference);
        Assert.Equal(Digest, payload.ManifestDigest);
        Assert.Equal(cosign, Encoding.UTF8.GetString(payload.ToBytes()));
    }

    [Fact]
    public void Optional_claims_are_accepted_and_ignored()
    {
        var payload = SimpleSigningPayload.Parse(Encoding.UTF8.GetBytes("{\"critical\":{\"identity\":{\"docker-reference\":\"r/a\"},\"image\":{\"docker-manifest-digest\":\""
            + Digest + "\"},\"type\":\"cosign container image signature\"},\"optional\":{\"creator\":\"ci\",\"timestamp\":1458239713}}"));
        Assert.Equal("r/a", payload.DockerReference);
    }

    [Fact]
    public void Names_the_repository_or_the_repository_with_the_requested_tag()
    {
        var byRepo = new SimpleSigningPayload("reg/team/web", Digest);
        Assert.True(byRepo.Names("reg/team/web", "1.0"));
        Assert.False(byRepo.Names("reg/team/other", "1.0"));
        var byTag = new SimpleSigningPayload("reg/team/web:1.0", Digest);
        Assert.True(byTag.Names("reg/team/web", "1.0"));
        Assert.False(byTag.Names("reg/team/web", "2.0"));
    }

    [Theory]
    [InlineData("{\"critical\":{\"identity\":{\"docker-reference\":\"r/a\"},\"image\":{\"docker-manifest-digest\":\"" + Digest + "\"},\"type\":\"atomic container signature\"}}")]
    [InlineData("{\"critical\":{\"identity\":{\"docker-reference\":\"r/a\"},\"image\":{\"Docker-manifest-digest\":\"" + Digest + "\"},\"type\":\"cosign container image signature\"}}")]
    [InlineData("{\"critical\":{\"identity\":{\"docker-reference\":\"r/a\"},\"image\":{\"docker-manifest-digest\":\"sha512:abcd\"},\"type\":\"cosign container image signature\"}}")]
    [InlineData("{\"critical\":{\"identity\":{\"docker-reference\":\"r/a\"},\"image\":{\"docker-manifest-digest\":\"" + Digest + "\"},\"type\":\"cosign container image signature\",\"extra\":1}}")]
    [InlineData("{\"critical\":{\"identity\":{\"docker-reference\":\"r/a\"},\"image\":{\"docker-manifest-digest\":\"" + Digest + "\",\"docker-manifest-digest\":\"sha256:" + "0000000000000000000000000000000000000000000000000000000000000000" + "\"},\"type\":\"cosign container image signature\"}}")]
    [InlineData("{\"critical\":{\"identity\":{\"docker-reference\":\"\"},\"image\":{\"docker-manifest-digest\":\"" + Digest + "\"},\"type\":\"cosign container image signature\"}}")]
    [InlineData("{\"critical\":{\"identity\":{\"docker-reference\":\"r/a\"},\"image\":{\"docker-manifest-digest\":\"" + Digest + "\"},\"type\":\"cosign container image signature\"},\"optional\":7}")]
    [InlineData("{\"critical\":null}")]
    [InlineData("[]")]
    [InlineData("not json")]
    public void Malformed_payloads_are_refused(string json) => Assert.Equal(TrustFailureReason.Malformed, Refusal(json));

    [Fact]
    public void Invalid_utf8_or_a_lone_surrogate_in_a_string_is_malformed_not_a_crash()
    {
        // Found by SignatureMutationTests: System.Text.Json transcodes strings lazily and threw InvalidOperationException.
        byte[] payload = new SimpleSigningPayload("r/a", Digest).ToBytes();
        int at = Encoding.UTF8.GetString(payload).IndexOf("r/a", StringComparison.Ordinal);
        payload[at] = 0xff;
        Assert.Equal(TrustFailureReason.Malformed, Assert.Throws<TrustVerificationException>(() => SimpleSigningPayload.Parse(payload)).Reason);
        Assert.Equal(TrustFailureReason.Malformed, Refusal("{\"crit\\ud800\":1}"));
        Assert.Equal(TrustFailureReason.Malformed,
            Assert.Throws<TrustVerificationException>(() => SignatureManifest.Parse(Encoding.UTF8.GetBytes("{\"schemaVersion\":2,\"mediaType\":\"\\udc00\",\"layers\":[]}"))).Reason);
    }

    [Fact]
    public void Oversized_payload_is_refused_before_parsing()
    {
        string big = "{\"optional\":{\"x\":\"" + new string('a', SignatureFormats.MaxPayloadBytes) + "\"}}";
        Assert.Equal(TrustFailureReason.SizeCapExceeded, Refusal(big));
    }

    [Fact]
    public void Signature_tag_is_derived_from_the_digest()
    {
        Assert.Equal("sha256-97fc222cee7991b5b061d4d4afdb5f3428fcb0c9054e1690313786befa1e4e36.sig", SignatureFormats.TagFor(Digest));
        Assert.Throws<TrustVerificationException>(() => SignatureFormats.TagFor("sha256:ABC"));
    }
}
