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
/// requiredSigners:
///   - image: "registry.example/team/*"
///     keys: [KEYID, KEYID, KEYID]
///     threshold: 2          # optional, default 1
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

        foreach (var (k, _) in map.Entries.Where(e => e.Key.Value is not ("apiVersion" or "kind" or "metadata" or "forbid" or "require" or "ceiling" or "requiredSigners")))
        {
            local.Error(DiagnosticCodes.OrgPolicyInvalid, k.Location, $"unknown key '{k.Value}'", null, "expected apiVersion, kind, metadata, forbid, require, ceiling, requiredSigners");
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

        var signers = Signers(map.Get("requiredSigners"), local);
        Located<string>? ceiling = map.Get("ceiling") is YScalar c ? new Located<string>(c.Value, c.Location) : null;
        var policyName = ((map.Get("metadata") as YMapping)?.Get("name") as YScalar)?.Value ?? name;
        d.AddRange(local.ToImmutable());
        return local.HasErrors ? null : new OrgPolicy(policyName, caps.ToImmutable(), syscalls.ToImmutable(), required.ToImmutable(), ceiling)
        {
            RequiredSigners = signers,
        };
    }

    private static ImmutableArray<RequiredSigners> Signers(YNode? node, DiagnosticBag d)
    {
        var result = ImmutableArray.CreateBuilder<RequiredSigners>();
        if (node is null)
        {
            return result.ToImmutable();
        }

        if (node is not YSequence seq)
        {
            d.Error(DiagnosticCodes.OrgPolicyInvalid, node.Location, "requiredSigners must be a list");
            return result.ToImmutable();
        }

        foreach (var item in seq.Items)
        {
            if (item is not YMapping m)
            {
                d.Error(DiagnosticCodes.OrgPolicyInvalid, item.Location, "a requiredSigners entry is a mapping with image, keys and threshold");
                continue;
            }

            foreach (var (k, _) in m.Entries.Where(e => e.Key.Value is not ("image" or "keys" or "threshold")))
            {
                d.Error(DiagnosticCodes.OrgPolicyInvalid, k.Location, $"unknown key '{k.Value}'", null, "expected image, keys, threshold");
            }

            var image = m.Get("image") as YScalar;
            if (image is null || image.Value.Length == 0 || image.Value.Any(char.IsWhiteSpace))
            {
                d.Error(DiagnosticCodes.OrgPolicyInvalid, m.Get("image")?.Location ?? m.Location, "requiredSigners needs image: an image-name pattern");
            }

            var keys = new List<string>();
            foreach (var k in Scalars(m.Get("keys"), d))
            {
                if (k.Value.Length == 64 && k.Value.All(char.IsAsciiHexDigitLower))
                {
                    keys.Add(k.Value);
                }
                else
                {
                    d.Error(DiagnosticCodes.OrgPolicyInvalid, k.Location, $"'{k.Value}' is not a key id", null, "a key id is 64 lowercase hex digits (hctr trust key generate prints it)");
                }
            }

            if (m.Get("keys") is null)
            {
                d.Error(DiagnosticCodes.OrgPolicyInvalid, m.Location, "requiredSigners needs keys: a list of key ids");
            }

            var distinct = keys.Distinct(StringComparer.Ordinal).ToImmutableArray();
            var threshold = 1;
            if (m.Get("threshold") is { } t && (t is not YScalar ts || !int.TryParse(ts.Value, System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out threshold) || threshold < 1 || threshold > Math.Max(1, distinct.Length)))
            {
                d.Error(DiagnosticCodes.OrgPolicyInvalid, t.Location, $"threshold must be between 1 and the number of valid keys ({distinct.Length})");
            }

            if (image is not null && distinct.Length > 0)
            {
                result.Add(new RequiredSigners(image.Value, distinct, threshold, m.Location));
            }
        }

        return result.ToImmutable();
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
