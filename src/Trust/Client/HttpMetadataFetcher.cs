using System.Net;

namespace Hctr.Trust.Client;

/// <summary>An <see cref="IMetadataFetcher"/> over HTTP(S) that never reads more than the cap.</summary>
public sealed class HttpMetadataFetcher : IMetadataFetcher
{
    private readonly HttpClient _http;

    public HttpMetadataFetcher(HttpClient http) => _http = http;

    public async Task<byte[]> FetchAsync(Uri url, long maxLength, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new TrustVerificationException(TrustFailureReason.FetchFailed, $"GET {url}: {e.Message}", inner: e);
        }
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
                throw new TrustVerificationException(TrustFailureReason.NotFound, $"GET {url}: {(int)response.StatusCode}");
            if (!response.IsSuccessStatusCode)
                throw new TrustVerificationException(TrustFailureReason.FetchFailed, $"GET {url}: {(int)response.StatusCode}");
            if (response.Content.Headers.ContentLength > maxLength)
                throw CapExceeded(url, maxLength);
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                return await ReadCappedAsync(stream, url, maxLength, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or TaskCanceledException)
            {
                throw new TrustVerificationException(TrustFailureReason.FetchFailed, $"GET {url}: {e.Message}", inner: e);
            }
        }
    }

    private static async Task<byte[]> ReadCappedAsync(Stream stream, Uri url, long maxLength, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        while (true)
        {
            int read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false);
            if (read == 0) return buffer.ToArray();
            if (buffer.Length + read > maxLength) throw CapExceeded(url, maxLength);
            buffer.Write(chunk, 0, read);
        }
    }

    private static TrustVerificationException CapExceeded(Uri url, long maxLength) =>
        new(TrustFailureReason.SizeCapExceeded, $"GET {url}: more than {maxLength} bytes");
}
