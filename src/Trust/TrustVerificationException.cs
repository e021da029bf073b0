namespace Hctr.Trust;

/// <summary>
/// The single exception type Trust raises for refused metadata, targets or local trust state.
/// Security checks fail closed: any refusal is one of these, with a stable <see cref="Reason"/>.
/// </summary>
public sealed class TrustVerificationException : Exception
{
    public TrustVerificationException(TrustFailureReason reason, string message, string? role = null, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
        Role = role;
    }

    /// <summary>Why verification failed.</summary>
    public TrustFailureReason Reason { get; }

    /// <summary>The role (or target) being processed when it failed, when known.</summary>
    public string? Role { get; }

    public override string ToString() => $"{Reason}: {Message}";
}
