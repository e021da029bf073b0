using Hctr.Policy.Model;
using Hctr.Policy.Plan;

namespace Hctr.Policy.Compile;

/// <summary>
/// Every namespace is new, except: no user namespace when the profile says userNamespace: hostUnsafe, and
/// no network namespace when the run uses host networking.
/// </summary>
internal static class NamespaceStage
{
    public static NamespacePlan Build(SecurityProfile profile, NetworkMode network)
    {
        var names = new List<string>(7);
        ulong flags = 0;
        void Add(string name, ulong flag)
        {
            names.Add(name);
            flags |= flag;
        }

        if (profile.UserNamespace.Mode.Value != UserNamespaceMode.HostUnsafe)
        {
            Add("user", CloneFlags.NewUser);
        }

        Add("mount", CloneFlags.NewNs);
        Add("pid", CloneFlags.NewPid);
        Add("uts", CloneFlags.NewUts);
        Add("ipc", CloneFlags.NewIpc);
        Add("cgroup", CloneFlags.NewCgroup);
        if (network != NetworkMode.Host)
        {
            Add("net", CloneFlags.NewNet);
        }

        return new NamespacePlan(names, flags);
    }

    public static bool Has(NamespacePlan plan, string name) => plan.Namespaces.Contains(name, StringComparer.Ordinal);
}
