using Hctr.Trust;
using Hctr.Trust.Client;

namespace Hctr.TrustBench;

/// <summary>Serves published files from memory (no network in the measurement) and stores client metadata in memory.</summary>
internal sealed class MemoryRepository : IMetadataFetcher
{
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public Task<byte[]> FetchAsync(Uri url, long maxLength, CancellationToken cancellationToken)
    {
        string name = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/'));
        if (!Files.TryGetValue(name, out var data)) throw new TrustVerificationException(TrustFailureReason.NotFound, name);
        if (data.Length > maxLength) throw new TrustVerificationException(TrustFailureReason.SizeCapExceeded, name);
        return Task.FromResult(data);
    }
}
