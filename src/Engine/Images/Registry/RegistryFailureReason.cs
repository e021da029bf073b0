namespace Hctr.Engine.Images.Registry;

/// <summary>Why a registry operation failed; stable, for scripts and tests.</summary>
public enum RegistryFailureReason
{
    Network,
    Unauthorized,
    NotFound,
    TooLarge,
    DigestMismatch,
    SizeMismatch,
    UnsupportedMediaType,
    NoMatchingPlatform,
    InsecureTransportRefused,
    Protocol,
    Untrusted,
}
