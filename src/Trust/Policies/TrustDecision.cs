namespace Hctr.Trust.Policies;

/// <summary>The answer of a policy check: yes or no, why, and the rule that decided.</summary>
public sealed record TrustDecision(TrustDecisionCode Code, string Reason, ImageRule? Rule)
{
    public bool Allowed => Code is TrustDecisionCode.Allowed or TrustDecisionCode.AllowedUnverifiedUnsafe;
}
