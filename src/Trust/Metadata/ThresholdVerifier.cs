using Hctr.Trust.Crypto;

namespace Hctr.Trust.Metadata;

/// <summary>Counts valid signatures over the canonical signed bytes from distinct authorised keys.</summary>
internal static class ThresholdVerifier
{
    /// <summary>Throws <see cref="TrustFailureReason.ThresholdNotMet"/> unless at least
    /// <c>role.Threshold</c> distinct key ids listed for the role have a valid signature.</summary>
    public static IReadOnlyList<string> Verify(Envelope envelope, IReadOnlyDictionary<string, PublicKey> keys,
        RoleKeys role, string roleName)
    {
        var valid = new List<string>();
        foreach (string keyId in role.KeyIds.Distinct(StringComparer.Ordinal))
        {
            if (!keys.TryGetValue(keyId, out var key)) continue;
            foreach (var signature in envelope.Signatures)
            {
                if (signature.KeyId != keyId) continue;
                if (TryVerify(key, envelope.CanonicalSigned, signature.SignatureHex))
                {
                    valid.Add(keyId);
                    break;
                }
            }
        }
        if (valid.Count < role.Threshold)
        {
            throw new TrustVerificationException(TrustFailureReason.ThresholdNotMet,
                $"{roleName}: threshold not met: {valid.Count} of {role.Threshold} valid signatures", roleName);
        }
        return valid;
    }

    private static bool TryVerify(PublicKey key, byte[] data, string signatureHex)
    {
        byte[] signature;
        try
        {
            signature = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            return false;
        }
        try
        {
            return key.Verify(data, signature);
        }
        catch (TrustVerificationException e) when (e.Reason == TrustFailureReason.UnsupportedKey)
        {
            // A key of an unknown type never counts towards the threshold.
            return false;
        }
    }
}
