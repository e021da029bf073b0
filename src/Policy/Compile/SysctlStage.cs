using Hctr.Policy.Diagnostics;
using Hctr.Policy.Plan;

namespace Hctr.Policy.Compile;

/// <summary>
/// Sysctls, checked again (validation checks too) against the namespaces this run really has: a net.* key
/// with host networking, or any key outside the ipc/uts/net namespaces, would write the host's value.
/// </summary>
internal static class SysctlStage
{
    private static readonly string[] IpcPrefixes = ["kernel.shm", "kernel.msg", "kernel.sem", "fs.mqueue."];

    public static List<SysctlStep> Build(CompileContext c, NamespacePlan ns)
    {
        var steps = new List<SysctlStep>();
        var netns = NamespaceStage.Has(ns, "net");
        foreach (var s in c.Profile.Sysctls)
        {
            var key = s.Key.Replace('/', '.');
            var ok = IpcPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal))
                || key is "kernel.domainname" or "kernel.hostname"
                || (netns && key.StartsWith("net.", StringComparison.Ordinal));
            if (!ok || key.Contains("..", StringComparison.Ordinal))
            {
                c.Diagnostics.Error(DiagnosticCodes.SysctlNotNamespaced, s.Origin,
                    $"sysctl '{s.Key}' is not namespaced for this run and would change the host", "spec.sysctls",
                    key.StartsWith("net.", StringComparison.Ordinal) ? "net.* needs a network namespace (not host networking)" : null);
                continue;
            }

            steps.Add(new SysctlStep(key, s.Value, s.Origin));
        }

        return steps;
    }
}
