using System.Collections.Immutable;
using Hctr.Policy.Capabilities;
using Hctr.Policy.Model;

namespace Hctr.Policy.Audit;

/// <summary>
/// An organisation's policy as data (<c>kind: OrgPolicy</c>): forbidden capabilities and syscalls, sections every
/// profile must have, and an optional ceiling profile every profile must be a subset of. <see cref="Ceiling"/> is the
/// reference as written (resolved by the caller's profile source relative to the policy file).
/// <see cref="RequiredSigners"/> are checked against a trust policy, not against profiles.
/// </summary>
public sealed record OrgPolicy(
    string Name,
    ImmutableArray<Located<Capability>> ForbiddenCapabilities,
    ImmutableArray<Located<string>> ForbiddenSyscalls,
    ImmutableArray<Located<RequiredSection>> Required,
    Located<string>? Ceiling)
{
    public ImmutableArray<RequiredSigners> RequiredSigners { get; init; } = [];
}
