using Hctr.Engine.Images.Registry;
using Hctr.Trust;
using Hctr.Trust.Signatures;

namespace Hctr.Engine.Images;

/// <summary>
/// <see cref="ISignatureSource"/> over the registry client: the signature tag and payload blobs of one repository.
/// Reads are capped at what the verifier allows; registry failures become typed trust refusals (fail closed), except
/// a missing signature tag, which is "no signatures" (the verifier refuses it as unsigned).
/// </summary>
public sealed class RegistrySignatureSource(RegistryClient client, ImageLocation location) : ISignatureSource
{
    public async Task<byte[]?> GetManifestAsync(string tag, int maxBytes, CancellationToken ct)
    {
        try
        {
            var resolved = await client.ResolveAsync(location, tag, ct).ConfigureAwait(false);
            if (resolved.Size > maxBytes)
                throw new TrustVerificationException(TrustFailureReason.SizeCapExceeded, $"{location}:{tag} is {resolved.Size} bytes, over the {maxBytes}-byte cap");
            var (bytes, _) = await client.GetManifestAsync(location, resolved.Digest, resolved.Size, ct).ConfigureAwait(false);
            return bytes;
        }
        catch (RegistryException e) when (e.Reason == RegistryFailureReason.NotFound)
        {
            return null;
        }
        catch (Exception e) when (e is RegistryException or IOException or HttpRequestException)
        {
            throw new TrustVerificationException(TrustFailureReason.FetchFailed, $"{location}:{tag}: {e.Message}", inner: e);
        }
    }

    public async Task<byte[]> GetBlobAsync(string digest, int maxBytes, CancellationToken ct)
    {
        try
        {
            await using var blob = await client.OpenBlobAsync(location, digest, 0, ct).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            byte[] chunk = new byte[16 * 1024];
            for (int n; (n = await blob.Body.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0;)
            {
                if (buffer.Length + n > maxBytes)
                    throw new TrustVerificationException(TrustFailureReason.SizeCapExceeded, $"{location} blob {digest}: over the {maxBytes}-byte cap");
                buffer.Write(chunk, 0, n);
            }
            return buffer.ToArray();
        }
        catch (Exception e) when (e is RegistryException or IOException or HttpRequestException)
        {
            throw new TrustVerificationException(TrustFailureReason.FetchFailed, $"{location} blob {digest}: {e.Message}", inner: e);
        }
    }
}
