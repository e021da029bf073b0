using System.Net;
using System.Net.Http.Headers;

namespace Hctr.Engine.Images.Registry;

public sealed partial class RegistryClient
{
    public async Task<bool> BlobExistsAsync(ImageLocation location, string digest, CancellationToken ct = default)
    {
        using var response = await SendAsync(location, "pull,push",
            () => new HttpRequestMessage(HttpMethod.Head, new Uri(BaseUri(location), $"blobs/{digest}")),
            HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>Uploads a blob unless present: cross-repository mount when <paramref name="mountFrom"/> is given and the
    /// registry agrees, else monolithic (one PUT) or chunked (PATCHes of <see cref="RegistryOptions.UploadChunkBytes"/>).
    /// Returns how the blob got there.</summary>
    public async Task<BlobUploadOutcome> PushBlobAsync(ImageLocation location, string digest, long size, Func<Stream> open,
        string? mountFrom = null, CancellationToken ct = default)
    {
        if (await BlobExistsAsync(location, digest, ct).ConfigureAwait(false)) return BlobUploadOutcome.AlreadyPresent;
        string query = mountFrom is null ? "" : $"?mount={digest}&from={Uri.EscapeDataString(mountFrom)}";
        Uri upload;
        using (var start = await SendAsync(location, "pull,push",
            () => new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri(location), "blobs/uploads/" + query)),
            HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false))
        {
            if (start.StatusCode == HttpStatusCode.Created && mountFrom is not null) return BlobUploadOutcome.Mounted;
            if (start.StatusCode != HttpStatusCode.Accepted) throw StatusError(start, $"start upload of {digest}");
            upload = NextLocation(location, start);
        }
        if (_options.UploadChunkBytes > 0)
        {
            upload = await PatchChunksAsync(location, upload, size, open, ct).ConfigureAwait(false);
            await FinishUploadAsync(location, upload, digest, null, ct).ConfigureAwait(false);
            return BlobUploadOutcome.Chunked;
        }
        await FinishUploadAsync(location, upload, digest, open, ct).ConfigureAwait(false);
        return BlobUploadOutcome.Monolithic;
    }

    private async Task<Uri> PatchChunksAsync(ImageLocation location, Uri upload, long size, Func<Stream> open, CancellationToken ct)
    {
        await using var source = open();
        byte[] chunk = new byte[_options.UploadChunkBytes];
        long sent = 0;
        while (sent < size)
        {
            int n = await source.ReadAtLeastAsync(chunk, (int)Math.Min(chunk.Length, size - sent), throwOnEndOfStream: true, ct).ConfigureAwait(false);
            long from = sent;
            Uri target = upload;
            using var response = await SendAsync(location, "pull,push", () =>
            {
                var r = new HttpRequestMessage(HttpMethod.Patch, target) { Content = new ByteArrayContent(chunk, 0, n) };
                r.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                r.Content.Headers.TryAddWithoutValidation("Content-Range", $"{from}-{from + n - 1}");
                return r;
            }, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Accepted) throw StatusError(response, $"upload chunk at {from}");
            upload = NextLocation(location, response);
            sent += n;
        }
        return upload;
    }

    private async Task FinishUploadAsync(ImageLocation location, Uri upload, string digest, Func<Stream>? open, CancellationToken ct)
    {
        string sep = upload.Query.Length > 0 ? "&" : "?";
        var target = new Uri(upload + $"{sep}digest={Uri.EscapeDataString(digest)}");
        var streams = new List<Stream>();
        try
        {
            using var response = await SendAsync(location, "pull,push", () =>
            {
                HttpContent content;
                if (open is null) content = new ByteArrayContent([]);
                else
                {
                    var s = open();
                    streams.Add(s);
                    content = new StreamContent(s);
                }
                content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                return new HttpRequestMessage(HttpMethod.Put, target) { Content = content };
            }, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Created) throw StatusError(response, $"finish upload of {digest}");
        }
        finally
        {
            foreach (var s in streams) await s.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>PUTs a manifest under a tag; the registry's digest must match ours.</summary>
    public async Task<string> PutManifestAsync(ImageLocation location, string tag, string mediaType, byte[] bytes, CancellationToken ct = default)
    {
        string digest = Digests.Of(bytes);
        using var response = await SendAsync(location, "pull,push", () =>
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return new HttpRequestMessage(HttpMethod.Put, new Uri(BaseUri(location), $"manifests/{Uri.EscapeDataString(tag)}")) { Content = content };
        }, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Created) throw StatusError(response, $"put manifest {location}:{tag}");
        if (response.Headers.TryGetValues("Docker-Content-Digest", out var v) && v.FirstOrDefault() is { } said && said != digest)
            throw new RegistryException(RegistryFailureReason.DigestMismatch, $"registry stored the manifest as {said}, expected {digest}");
        return digest;
    }

    private Uri NextLocation(ImageLocation location, HttpResponseMessage response) =>
        response.Headers.Location is { } l
            ? (l.IsAbsoluteUri ? l : new Uri(BaseUri(location), l))
            : throw new RegistryException(RegistryFailureReason.Protocol, "upload response without Location");
}
