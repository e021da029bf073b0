namespace Hctr.Trust;

/// <summary>
/// Why a piece of trust metadata or a target was refused. Values are stable: tests and callers
/// match on them, never on message text.
/// </summary>
public enum TrustFailureReason
{
    /// <summary>Bytes are not valid metadata (bad JSON, missing or ill-typed field, duplicate key id).</summary>
    Malformed = 1,
    /// <summary>The <c>_type</c> field names another role than the one being loaded.</summary>
    WrongType,
    /// <summary>The <c>spec_version</c> major version is not supported.</summary>
    UnsupportedSpecVersion,
    /// <summary>A key or signature scheme this client does not implement.</summary>
    UnsupportedKey,
    /// <summary>Fewer valid signatures from distinct authorised keys than the role threshold.</summary>
    ThresholdNotMet,
    /// <summary>Metadata is past its <c>expires</c> time (freeze attack or stale repository).</summary>
    Expired,
    /// <summary>A version went backwards (rollback attack).</summary>
    Rollback,
    /// <summary>A version differs from the one a trusted parent names (mix-and-match attack).</summary>
    VersionMismatch,
    /// <summary>The number of bytes differs from the trusted length.</summary>
    LengthMismatch,
    /// <summary>A hash differs from the trusted hash, or uses an unsupported algorithm.</summary>
    HashMismatch,
    /// <summary>A download exceeded its size cap (endless data attack).</summary>
    SizeCapExceeded,
    /// <summary>A trusted parent does not list the requested metadata file.</summary>
    MissingMetadata,
    /// <summary>The remote repository answered "not found".</summary>
    NotFound,
    /// <summary>Transport failure talking to the repository.</summary>
    FetchFailed,
    /// <summary>Metadata was loaded out of the order the client workflow requires.</summary>
    LoadOrder,
    /// <summary>No trusted role vouches for the requested target.</summary>
    TargetNotFound,
    /// <summary>The delegation graph exceeded the traversal limit.</summary>
    DelegationLimit,
    /// <summary>The trust policy does not allow this image, profile or signer set.</summary>
    PolicyRefused,
    /// <summary>Local trust state (trusted root, key file, store) is missing or unusable.</summary>
    LocalState,
    /// <summary>The image has no signature of the kind the policy requires (no <c>sha256-HEX.sig</c> manifest, or no such layer in it).</summary>
    Unsigned,
    /// <summary>A signature payload names another manifest digest or another image than the one being verified.</summary>
    PayloadMismatch,
    /// <summary>A signature does not verify: no trusted key verifies it, or the CMS signature is not valid over the payload.</summary>
    SignatureInvalid,
    /// <summary>The signer certificate chain does not lead to a policy root CA, is not valid at verification time, or lacks the code-signing usage.</summary>
    CertificateInvalid,
}
