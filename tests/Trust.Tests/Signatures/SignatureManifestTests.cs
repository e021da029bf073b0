using System.Text;
using System.Text.Json.Nodes;
using Hctr.Trust.Signatures;
using Xunit;

namespace Hctr.Trust.Tests.Signatures;

[Trait("Category", "Unit")]
public sealed class SignatureManifestTests
{
    private static readonly string PayloadDigest = "sha256:" + new string('c', 64);

    private static SignatureLayer Layer(string signature) => new(SignatureFormats.SimpleSigningMediaType, PayloadDigest, 210,
        new Dictionary<string, string> { [SignatureFormats.CosignSignatureAnnotation] = signature });

    [Fact]
    public void Built_manifest_parses_back_with_its_annotations_in_order()
    {
        var manifest = new SignatureManifest([]).Append(Layer("c2lnMQ==")).Append(Layer("c2lnMg=="));
        var (bytes, config) = manifest.Build();
        var parsed = SignatureManifest.Parse(bytes);
        Assert.Equal(["c2lnMQ==", "c2lnMg=="], parsed.Layers.Select(l => l.Annotation(SignatureFormats.CosignSignatureAnnotation)));
        Assert.All(parsed.Layers, l => Assert.Equal((SignatureFormats.SimpleSigningMediaType, PayloadDigest, 210L), (l.MediaType, l.Digest, l.Size)));
        var json = JsonNode.Parse(bytes)!;
        Assert.Equal(SignatureFormats.OciManifestMediaType, (string?)json["mediaType"]);
        Assert.Equal(config.Length, (int)json["config"]!["size"]!);
        Assert.Equal(2, JsonNode.Parse(config)!["rootfs"]!["diff_ids"]!.AsArray().Count);
    }

    [Fact]
    public void A_manifest_as_cosign_writes_it_parses()
    {
        string cosign = """
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","size":233,"digest":"sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"},"layers":[{"mediaType":"application/vnd.dev.cosign.simplesigning.v1+json","size":245,"digest":"sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc","annotations":{"dev.cosignproject.cosign/signature":"MEUCIQ==","dev.sigstore.cosign/bundle":"{}"}}]}
            """;
        var layer = Assert.Single(SignatureManifest.Parse(Encoding.UTF8.GetBytes(cosign)).Layers);
        Assert.Equal("MEUCIQ==", layer.Annotation(SignatureFormats.CosignSignatureAnnotation));
        Assert.Null(layer.Annotation(SignatureFormats.CmsSignatureAnnotation));
    }

    [Theory]
    [InlineData("{\"schemaVersion\":1,\"layers\":[]}")]
    [InlineData("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"layers\":[]}")]
    [InlineData("{\"schemaVersion\":2}")]
    [InlineData("{\"schemaVersion\":2,\"layers\":[{\"mediaType\":\"x\",\"size\":1,\"digest\":\"md5:00\"}]}")]
    [InlineData("{\"schemaVersion\":2,\"layers\":[{\"mediaType\":\"x\",\"size\":-1,\"digest\":\"sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc\"}]}")]
    [InlineData("{\"schemaVersion\":2,\"layers\":[{\"mediaType\":\"x\",\"size\":1,\"digest\":\"sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc\",\"annotations\":{\"a\":1}}]}")]
    [InlineData("{\"schemaVersion\":2,\"layers\":[7]}")]
    public void Malformed_envelopes_are_refused(string json) =>
        Assert.Equal(TrustFailureReason.Malformed, Assert.Throws<TrustVerificationException>(() => SignatureManifest.Parse(Encoding.UTF8.GetBytes(json))).Reason);

    [Fact]
    public void Too_many_layers_or_bytes_are_refused()
    {
        var many = new SignatureManifest(Enumerable.Repeat(Layer("eA=="), SignatureFormats.MaxLayers + 1).ToList()).Build().Manifest;
        Assert.Equal(TrustFailureReason.SizeCapExceeded, Assert.Throws<TrustVerificationException>(() => SignatureManifest.Parse(many)).Reason);
        var huge = new byte[SignatureFormats.MaxManifestBytes + 1];
        Assert.Equal(TrustFailureReason.SizeCapExceeded, Assert.Throws<TrustVerificationException>(() => SignatureManifest.Parse(huge)).Reason);
    }
}
