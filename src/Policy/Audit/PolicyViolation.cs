using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Audit;

/// <summary>
/// A profile breaking an organisation policy. <see cref="Rule"/>: <c>HCTR-P001</c> forbidden capability,
/// <c>HCTR-P002</c> forbidden syscall allowed, <c>HCTR-P003</c> required section missing, <c>HCTR-P004</c> exceeds
/// the ceiling profile. <see cref="PolicyAt"/> is the policy line that demands it.
/// </summary>
public sealed record PolicyViolation(string Rule, string Message, SourceLocation Location, SourceLocation PolicyAt)
{
    public const string ForbiddenCapability = "HCTR-P001";
    public const string ForbiddenSyscall = "HCTR-P002";
    public const string MissingRequirement = "HCTR-P003";
    public const string ExceedsCeiling = "HCTR-P004";

    public Diagnostic ToDiagnostic() => new(Severity.Error, Rule, Message, Location, null, $"required by {PolicyAt}");
}
