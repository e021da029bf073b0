namespace Hctr.Trust.Policies;

/// <summary>Stable outcome codes of a policy check.</summary>
public enum TrustDecisionCode
{
    Allowed,
    AllowedUnverifiedUnsafe,
    NoMatchingRule,
    ProfileNotAllowed,
    ProfileDigestMismatch,
    RoleNotAllowed,
    KeysNotTrusted,
}
