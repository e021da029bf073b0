using Hctr.Trust.Signatures;

namespace Hctr.Trust.Policies;

/// <summary>The answer of a policy check: yes or no, why, and the rule that decided. After verification it also
/// names the mechanism, the signers that counted and the threshold met (<see cref="Count"/>, e.g. "2 of 3").</summary>
public sealed record TrustDecision(TrustDecisionCode Code, string Reason, ImageRule? Rule)
{
    public bool Allowed => Code is TrustDecisionCode.Allowed or TrustDecisionCode.AllowedUnverifiedUnsafe;

    public SignatureMechanism? Mechanism { get; init; }
    public IReadOnlyList<string> Signers { get; init; } = [];
    /// <summary>"2 of 3" (valid signers of the trusted ones), when verification ran.</summary>
    public string? Count { get; init; }
    public int? Threshold { get; init; }
}
