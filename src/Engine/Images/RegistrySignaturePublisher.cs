using Hctr.Engine.Images.Registry;
using Hctr.Trust.Images;
using Hctr.Trust.Signatures;

namespace Hctr.Engine.Images;

/// <summary>
/// Writes signatures beside an image the way cosign stores them: reads <c>sha256-HEX.sig</c> (if any), appends one
/// simple-signing layer signed by the caller, pushes the payload and config blobs, then the manifest under the tag.
/// Signers take turns to meet a threshold. Not atomic across writers: two signers pushing at the same moment can
/// lose one signature (read-extend-rewrite of one tag, as cosign has it); run them in turn.
/// </summary>
public sealed class RegistrySignaturePublisher(RegistryClient client)
{
    /// <summary>The current signature manifest of <paramref name="image"/> (which names its digest); empty when none.</summary>
    public async Task<SignatureManifest> ReadAsync(ImageReference image, CancellationToken ct = default)
    {
        var source = new RegistrySignatureSource(client, ImageLocation.Of(image));
        return await source.GetManifestAsync(SignatureFormats.TagFor(Digest(image)), SignatureFormats.MaxManifestBytes, ct).ConfigureAwait(false) is { } bytes
            ? SignatureManifest.Parse(bytes)
            : new SignatureManifest([]);
    }

    /// <summary>Checks that the registry has <paramref name="image"/>'s manifest, builds the payload (repository and digest),
    /// and appends a layer whose <paramref name="annotation"/> is <paramref name="sign"/>(payload). Returns the new manifest.</summary>
    public async Task<SignatureManifest> AppendAsync(ImageReference image, string annotation, Func<byte[], string> sign, CancellationToken ct = default)
    {
        string digest = Digest(image);
        var location = ImageLocation.Of(image);
        var resolved = await client.ResolveAsync(location, digest, ct).ConfigureAwait(false);
        if (resolved.Digest != digest)
            throw new RegistryException(RegistryFailureReason.DigestMismatch, $"{location}@{digest}: registry answers with {resolved.Digest}");
        var existing = await ReadAsync(image, ct).ConfigureAwait(false);
        byte[] payload = new SimpleSigningPayload(image.Name, digest).ToBytes();
        var layer = new SignatureLayer(SignatureFormats.SimpleSigningMediaType, Digests.Of(payload), payload.Length,
            new Dictionary<string, string> { [annotation] = sign(payload) });
        var manifest = existing.Append(layer);
        var (manifestBytes, config) = manifest.Build();
        foreach (byte[] blob in new[] { payload, config })
            await client.PushBlobAsync(location, Digests.Of(blob), blob.Length, () => new MemoryStream(blob), ct: ct).ConfigureAwait(false);
        await client.PutManifestAsync(location, SignatureFormats.TagFor(digest), MediaTypes.OciManifest, manifestBytes, ct).ConfigureAwait(false);
        return manifest;
    }

    private static string Digest(ImageReference image) =>
        image.Digest ?? throw new RegistryException(RegistryFailureReason.Protocol, $"{image}: signing needs IMAGE@sha256:DIGEST");
}
