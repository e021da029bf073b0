using System.Net;
using System.Net.Http.Headers;

namespace Hctr.Engine.Images.Registry;

public sealed partial class RegistryClient
{
    /// <summary>Resolves a tag (or digest) to the manifest digest: HEAD first, GET (capped, hashed locally) when the
    /// registry does not say the digest.</summary>
    public async Task<ManifestResolution> ResolveAsync(ImageLocation location, string reference, CancellationToken ct = default)
    {
        using (var head = await SendAsync(location, "pull", () => ManifestRequest(HttpMethod.Head, location, reference),
            HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false))
        {
            if (head.StatusCode == HttpStatusCode.NotFound) throw StatusError(head, $"{location}:{reference}");
            if (head.IsSuccessStatusCode
                && head.Headers.TryGetValues("Docker-Content-Digest", out var values) && values.FirstOrDefault() is { } d && Digests.IsValid(d)
                && head.Content.Headers.ContentLength is long length && head.Content.Headers.ContentType?.MediaType is { } type)
            {
                if (length > _options.MaxManifestBytes)
                    throw new RegistryException(RegistryFailureReason.TooLarge, $"manifest is {length} bytes, over the {_options.MaxManifestBytes}-byte cap");
                return new ManifestResolution(d, type, length);
            }
        }
        var (bytes, mediaType) = await FetchManifestAsync(location, reference, ct).ConfigureAwait(false);
        return new ManifestResolution(Digests.Of(bytes), mediaType, bytes.Length);
    }

    /// <summary>Fetches a manifest or index by digest and checks the bytes hash to it (and the size, when known).</summary>
    public async Task<(byte[] Bytes, string MediaType)> GetManifestAsync(ImageLocation location, string digest, long? size,
        CancellationToken ct = default)
    {
        var (bytes, mediaType) = await FetchManifestAsync(location, digest, ct).ConfigureAwait(false);
        string actual = Digests.Of(bytes);
        if (actual != digest)
            throw new RegistryException(RegistryFailureReason.DigestMismatch, $"manifest {digest}: registry served content with digest {actual}");
        if (size is long s && s != bytes.Length)
            throw new RegistryException(RegistryFailureReason.SizeMismatch, $"manifest {digest}: expected {s} bytes, got {bytes.Length}");
        return (bytes, mediaType);
    }

    private async Task<(byte[], string)> FetchManifestAsync(ImageLocation location, string reference, CancellationToken ct)
    {
        using var response = await SendAsync(location, "pull", () => ManifestRequest(HttpMethod.Get, location, reference),
            HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw StatusError(response, $"{location}:{reference}");
        byte[] bytes = await ReadCappedAsync(response, _options.MaxManifestBytes, "manifest", ct).ConfigureAwait(false);
        string mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (!MediaTypes.IsIndex(mediaType) && !MediaTypes.IsManifest(mediaType))
        {
            mediaType = ManifestJson.Object(bytes)["mediaType"]?.GetValue<string>() ?? MediaTypes.OciManifest;
        }
        return (bytes, mediaType);
    }

    /// <summary>Opens a blob body, asking for bytes from <paramref name="offset"/> on (a resumed download).</summary>
    public async Task<BlobResponse> OpenBlobAsync(ImageLocation location, string digest, long offset, CancellationToken ct = default)
    {
        Digests.Hex(digest);
        var response = await SendAsync(location, "pull", () =>
        {
            var r = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUri(location), $"blobs/{digest}"));
            if (offset > 0) r.Headers.Range = new RangeHeaderValue(offset, null);
            return r;
        }, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        try
        {
            if (!response.IsSuccessStatusCode) throw StatusError(response, $"blob {digest}");
            long start = 0;
            if (response.StatusCode == HttpStatusCode.PartialContent)
            {
                start = response.Content.Headers.ContentRange?.From
                    ?? throw new RegistryException(RegistryFailureReason.Protocol, $"blob {digest}: 206 without Content-Range");
                if (start != offset) throw new RegistryException(RegistryFailureReason.Protocol, $"blob {digest}: asked for offset {offset}, got {start}");
            }
            var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            return new BlobResponse(response, body, start);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private HttpRequestMessage ManifestRequest(HttpMethod method, ImageLocation location, string reference)
    {
        var request = new HttpRequestMessage(method, new Uri(BaseUri(location), $"manifests/{Uri.EscapeDataString(reference)}"));
        request.Headers.Accept.ParseAdd(MediaTypes.ManifestAccept);
        return request;
    }
}
