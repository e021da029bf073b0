namespace Hctr.Trust.Policies;

/// <summary>What happens to an image no rule matches.</summary>
public enum DefaultAction
{
    /// <summary>Refuse (the default: fail closed).</summary>
    Refuse,
    /// <summary>Run unverified. Dangerous; spelled out in the policy as <c>allow-unverified-unsafe</c>.</summary>
    AllowUnverifiedUnsafe,
}
