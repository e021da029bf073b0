namespace Hctr.Trust.Signatures;

/// <summary>How an image rule wants its images vouched for.</summary>
public enum SignatureMechanism
{
    /// <summary>A TUF target (Docker Content Trust's model): the default, and what rules without <c>mechanism</c> mean.</summary>
    Tuf,
    /// <summary>Cosign-style signatures in the registry (<c>sha256-HEX.sig</c>), verified with public keys.</summary>
    Cosign,
    /// <summary>CMS signatures in the registry beside the image, from certificates chaining to a policy root CA.</summary>
    X509,
}
