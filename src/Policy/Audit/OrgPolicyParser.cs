using System.Collections.Immutable;
using Hctr.Policy.Capabilities;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Seccomp;
using Hctr.Policy.Yaml;

namespace Hctr.Policy.Audit;

/// <summary>
/// Parses an organisation policy:
/// <code>
/// apiVersion: hctr.dev/v1
/// kind: OrgPolicy
/// metadata: {name: acme}
/// forbid:
///   capabilities: [SYS_ADMIN, NET_ADMIN]
///   syscalls: [ptrace, "@mount"]
/// require: [userNamespace, pidsLimit, memoryLimit, readOnlyRootfs, noNewPrivileges, seccompDefaultDeny]
/// ceiling: ceiling.yaml
/// </code>
/// Every problem is an <c>HCTR1801</c> diagnostic at its line; null when any was found.
/// </summary>
public static class OrgPolicyParser
{
    public static OrgPolicy? Parse(string name, string text, DiagnosticBag d)
    {
        var local = new DiagnosticBag();
        var root = YamlLoader.Load(text, name, local);
        if (root is not YMapping map || local.HasErrors)
        {
            d.AddRange(local.ToImmutable());
            if (!local.HasErrors)
            {
                d.Error(DiagnosticCodes.OrgPolicyInvalid, root?.Location ?? new SourceLocation(name, 1, 1), "an organisation policy is a mapping");
            }

            return null;
        }

        foreach (var (k, _) in map.Entries.Where(e => e.Key.Value is not ("apiVersion" or "kind" or "metadata" or "forbid" or "require" or "ceiling")))
        {
            local.Error(DiagnosticCodes.OrgPolicyInvalid, k.Location, $"unknown key '{k.Value}'", null, "expected apiVersion, kind, metadata, forbid, require, ceiling");
        }

        if ((map.Get("kind") as YScalar)?.Value != "OrgPolicy")
        {
            local.Error(DiagnosticCodes.OrgPolicyInvalid, map.Get("kind")?.Location ?? map.Location, "kind must be OrgPolicy");
        }

        var forbid = map.Get("forbid") as YMapping;
        var caps = ImmutableArray.CreateBuilder<Located<Capability>>();
        foreach (var s in Scalars(forbid?.Get("capabilities"), local))
        {
            if (CapabilityNames.TryParse(s.Value, out var cap))
            {
                caps.Add(new(cap, s.Location));
            }
            else
            {
                local.Error(DiagnosticCodes.OrgPolicyInvalid, s.Location, $"unknown capability '{s.Value}'", null, CapabilityNames.Suggest(s.Value));
            }
        }

        var syscalls = ImmutableArray.CreateBuilder<Located<string>>();
        foreach (var s in Scalars(forbid?.Get("syscalls"), local))
        {
            var ok = s.Value.StartsWith('@') ? SyscallGroups.TryGet(s.Value, out _) : SyscallTable.IsKnownAnywhere(s.Value);
            if (ok)
            {
                syscalls.Add(new(s.Value, s.Location));
            }
            else
            {
                local.Error(DiagnosticCodes.OrgPolicyInvalid, s.Location, $"unknown syscall or group '{s.Value}'");
            }
        }

        var required = ImmutableArray.CreateBuilder<Located<RequiredSection>>();
        foreach (var s in Scalars(map.Get("require"), local))
        {
            if (Enum.TryParse<RequiredSection>(s.Value, ignoreCase: true, out var r) && char.IsLower(s.Value[0]))
            {
                required.Add(new(r, s.Location));
            }
            else
            {
                local.Error(DiagnosticCodes.OrgPolicyInvalid, s.Location, $"unknown requirement '{s.Value}'", null,
                    "expected userNamespace, pidsLimit, memoryLimit, readOnlyRootfs, noNewPrivileges or seccompDefaultDeny");
            }
        }

        Located<string>? ceiling = map.Get("ceiling") is YScalar c ? new Located<string>(c.Value, c.Location) : null;
        var policyName = ((map.Get("metadata") as YMapping)?.Get("name") as YScalar)?.Value ?? name;
        d.AddRange(local.ToImmutable());
        return local.HasErrors ? null : new OrgPolicy(policyName, caps.ToImmutable(), syscalls.ToImmutable(), required.ToImmutable(), ceiling);
    }

    private static IEnumerable<YScalar> Scalars(YNode? node, DiagnosticBag d)
    {
        if (node is null)
        {
            yield break;
        }

        if (node is not YSequence seq)
        {
            d.Error(DiagnosticCodes.OrgPolicyInvalid, node.Location, "expected a list");
            yield break;
        }

        foreach (var item in seq.Items)
        {
            if (item is YScalar s && s.Value.Length > 0)
            {
                yield return s;
            }
            else
            {
                d.Error(DiagnosticCodes.OrgPolicyInvalid, item.Location, "expected a name");
            }
        }
    }
}
