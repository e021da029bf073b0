using System.Collections.Immutable;
using Hctr.Policy.Compile;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Model;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Audit;

/// <summary>
/// <c>hctr policy check</c>: one profile against an organisation policy. Forbidden syscalls are judged on the
/// compiled rule tables (allowed for some argument values on some architecture); the ceiling is a subset check:
/// every widening <see cref="ProfileDiff"/> finds from the ceiling to the profile is a violation.
/// </summary>
public static class PolicyChecker
{
    public static ImmutableArray<PolicyViolation> Check(OrgPolicy policy, SecurityProfile profile, SecurityProfile? ceiling, HostFacts host)
    {
        var v = new List<PolicyViolation>();
        foreach (var f in policy.ForbiddenCapabilities)
        {
            foreach (var c in profile.Capabilities.Add.Where(c => c.Value == f.Value))
            {
                v.Add(new(PolicyViolation.ForbiddenCapability, $"capability {Capabilities.CapabilityNames.Name(c.Value)} is forbidden", c.Origin, f.Origin));
            }
        }

        var tables = RuleResolver.Resolve(SeccompStage.RuleSet(profile.Seccomp, host));
        foreach (var f in policy.ForbiddenSyscalls)
        {
            var names = f.Value.StartsWith('@') && SyscallGroups.TryGet(f.Value, out var g) ? g : [f.Value];
            foreach (var name in names)
            {
                foreach (var t in tables)
                {
                    if (SyscallTable.TryGetNumber(t.Arch, name, out var nr) && SyscallExposure.AllowedAt(t, nr, profile.Seccomp.DefaultAction.Origin) is { } at)
                    {
                        v.Add(new(PolicyViolation.ForbiddenSyscall, $"syscall '{name}' is forbidden but can be allowed ({SeccompArchNames.ToName(t.Arch)})", at, f.Origin));
                        break;
                    }
                }
            }
        }

        foreach (var r in policy.Required)
        {
            if (Missing(r.Value, profile) is { } why)
            {
                v.Add(new(PolicyViolation.MissingRequirement, why.Message, why.At, r.Origin));
            }
        }

        if (ceiling is not null)
        {
            foreach (var w in ProfileDiff.Compare(ceiling, profile, host).Where(d => d.Kind == ChangeKind.Widen))
            {
                v.Add(new(PolicyViolation.ExceedsCeiling, $"exceeds the ceiling profile {ceiling.Name}: {w.Section}: {w.Message}", w.Location,
                    policy.Ceiling?.Origin ?? SourceLocation.None));
            }
        }

        return [.. v];
    }

    /// <summary>True when <paramref name="profile"/> grants nothing beyond <paramref name="ceiling"/> (answered by the diff).</summary>
    public static bool IsSubset(SecurityProfile profile, SecurityProfile ceiling, HostFacts host) =>
        !ProfileDiff.HasWidening(ProfileDiff.Compare(ceiling, profile, host));

    private static (string Message, SourceLocation At)? Missing(RequiredSection r, SecurityProfile p) => r switch
    {
        RequiredSection.UserNamespace when p.UserNamespace.Mode.Value == UserNamespaceMode.HostUnsafe => ("a user namespace is required", p.UserNamespace.Mode.Origin),
        RequiredSection.PidsLimit when p.Resources.PidsMax.Value is null => ("a pids limit is required", p.Resources.PidsMax.Origin),
        RequiredSection.MemoryLimit when p.Resources.MemoryBytes.Value is null => ("a memory limit is required", p.Resources.MemoryBytes.Origin),
        RequiredSection.ReadOnlyRootfs when !p.Filesystem.ReadOnlyRootfs.Value => ("a read-only root filesystem is required", p.Filesystem.ReadOnlyRootfs.Origin),
        RequiredSection.NoNewPrivileges when !p.NoNewPrivileges.Value => ("no_new_privs is required", p.NoNewPrivileges.Origin),
        RequiredSection.SeccompDefaultDeny when SyscallExposure.IsAllow(p.Seccomp.DefaultAction.Value) => ("a deny-by-default seccomp filter is required", p.Seccomp.DefaultAction.Origin),
        _ => null,
    };
}
