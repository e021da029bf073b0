using Hctr.Trust.Client;

namespace Hctr.Trust.Tests.Simulator;

/// <summary>Serves a published directory without a network: URL path -> file, with the same cap semantics.</summary>
internal sealed class DirectoryFetcher(string root) : IMetadataFetcher
{
    public Task<byte[]> FetchAsync(Uri url, long maxLength, CancellationToken cancellationToken)
    {
        string path = Path.Combine(root, Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')));
        if (!File.Exists(path)) throw new TrustVerificationException(TrustFailureReason.NotFound, path);
        byte[] data = File.ReadAllBytes(path);
        if (data.Length > maxLength) throw new TrustVerificationException(TrustFailureReason.SizeCapExceeded, path);
        return Task.FromResult(data);
    }
}
