namespace Hctr.Policy.Plan;

/// <summary>A ruleset for the ABI the host reports: handled rights, path rules, port rules, scopes.</summary>
public sealed record LandlockPlan(
    int Abi,
    ulong HandledAccessFs,
    ulong HandledAccessNet,
    ulong Scoped,
    IReadOnlyList<LandlockPathRule> PathRules,
    IReadOnlyList<LandlockNetRule> NetRules)
{
    /// <summary>landlock_restrict_self flags (ABI 7 log flags, e.g. LOG_NEW_EXEC_ON = 2); 0 before ABI 7.</summary>
    public uint RestrictSelfFlags { get; init; }
}
