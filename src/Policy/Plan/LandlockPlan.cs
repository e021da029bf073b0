namespace Hctr.Policy.Plan;

/// <summary>A ruleset for the ABI the host reports: handled rights, path rules, port rules, scopes.</summary>
public sealed record LandlockPlan(
    int Abi,
    ulong HandledAccessFs,
    ulong HandledAccessNet,
    ulong Scoped,
    IReadOnlyList<LandlockPathRule> PathRules,
    IReadOnlyList<LandlockNetRule> NetRules);
