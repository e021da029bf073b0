using Hctr.Policy.Model;

namespace Hctr.Policy.Explain;

/// <summary>Who the workload runs as: the user namespace, no_new_privs, and sections the profile widens over its base.</summary>
internal static class IdentitySection
{
    public static ExplainSection Build(ExplainContext c)
    {
        var p = c.Profile;
        var u = p.UserNamespace;
        switch (u.Mode.Value)
        {
            case UserNamespaceMode.Auto:
                c.Item($"user namespace: automatic, a private range of {u.Size} host ids; container root is an unprivileged host user", u.Mode.Origin);
                break;
            case UserNamespaceMode.Map:
                c.Item($"user namespace: the profile's maps ({Maps(u.UidMappings)} for uids, {Maps(u.GidMappings)} for gids)", u.Mode.Origin);
                if (u.UidMappings.Concat(u.GidMappings).Any(m => m.ContainerId == 0 && m.HostId == 0))
                {
                    c.Risk(RiskLevel.High, "container root is mapped to host root (uid/gid 0 → 0)", u.AllowHostRootUnsafe.Origin);
                }

                break;
            case UserNamespaceMode.HostUnsafe:
                c.Item("user namespace: none; container root IS host root", u.Mode.Origin);
                c.Risk(RiskLevel.High, "no user namespace (hostUnsafe): container root is host root", u.Mode.Origin);
                break;
        }

        if (u.AllowHostRootUnsafe.Value)
        {
            c.Item("allowHostRootUnsafe: a map may send container root to host root", u.AllowHostRootUnsafe.Origin);
        }

        c.Item(p.NoNewPrivileges.Value
            ? "no_new_privs: on; setuid binaries and file capabilities cannot raise privileges"
            : "no_new_privs: off; setuid binaries and file capabilities can raise privileges", p.NoNewPrivileges.Origin);
        if (!p.NoNewPrivileges.Value)
        {
            c.Risk(RiskLevel.Medium, "noNewPrivileges is off: setuid binaries can gain privileges", p.NoNewPrivileges.Origin);
        }

        foreach (var w in p.Widen)
        {
            c.Item($"widens '{w.Value}' relative to its base profile (audited)", w.Origin);
            c.Risk(RiskLevel.Medium, $"declares widen: {w.Value} (may grant more than its base)", w.Origin);
        }

        return c.Section("Identity and user namespace");
    }

    private static string Maps(IEnumerable<IdMapping> maps)
    {
        var list = maps.Select(m => $"{m.ContainerId}→{m.HostId}+{m.Size}").ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
