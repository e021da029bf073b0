namespace Hctr.Trust.Client;

/// <summary>
/// Fetches remote bytes. Implementations must stop reading once <c>maxLength</c> is exceeded and throw
/// <see cref="TrustFailureReason.SizeCapExceeded"/>; a missing file is <see cref="TrustFailureReason.NotFound"/>;
/// any other transport problem is <see cref="TrustFailureReason.FetchFailed"/>.
/// </summary>
public interface IMetadataFetcher
{
    Task<byte[]> FetchAsync(Uri url, long maxLength, CancellationToken cancellationToken);
}
