using System.Text.Json;
using Hctr.Policy.Compile;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Plan;

namespace Hctr.Policy.Oci;

/// <summary>
/// The plan's mounts as OCI mounts. Device-node binds are left out: runc and crun create the default
/// devices themselves and the profile's extra devices go to linux.devices. cgroup2 is spelled "cgroup".
/// </summary>
internal static class OciMounts
{
    private static readonly (ulong Flag, string Name)[] Names =
    [
        (MountFlags.ReadOnly, "ro"),
        (MountFlags.NoSuid, "nosuid"),
        (MountFlags.NoDev, "nodev"),
        (MountFlags.NoExec, "noexec"),
        (MountFlags.StrictAtime, "strictatime"),
        (MountFlags.RelAtime, "relatime"),
    ];

    public static bool Check(IReadOnlyList<MountStep> mounts, DiagnosticBag d)
    {
        var known = Names.Aggregate(MountFlags.Bind | MountFlags.Rec | MountFlags.Private, (m, n) => m | n.Flag);
        var ok = true;
        foreach (var m in mounts.Where(m => (m.Flags & ~known) != 0))
        {
            d.Error(DiagnosticCodes.OciInexpressible, m.Origin, $"mount {m.Target}: flags 0x{m.Flags & ~known:x} have no OCI option", "mounts");
            ok = false;
        }

        return ok;
    }

    public static void Write(Utf8JsonWriter w, IReadOnlyList<MountStep> mounts)
    {
        w.WriteStartArray("mounts");
        foreach (var m in mounts.Where(m => m.TargetKind != MountTargetKind.File))
        {
            w.WriteStartObject();
            w.WriteString("destination", m.Target);
            w.WriteString("type", m.FsType == "cgroup2" ? "cgroup" : m.FsType == "none" ? "bind" : m.FsType);
            w.WriteString("source", m.Source);
            w.WriteStartArray("options");
            if ((m.Flags & MountFlags.Bind) != 0)
            {
                w.WriteStringValue((m.Flags & MountFlags.Rec) != 0 ? "rbind" : "bind");
            }

            if ((m.Flags & MountFlags.Private) != 0)
            {
                w.WriteStringValue((m.Flags & MountFlags.Rec) != 0 ? "rprivate" : "private");
            }

            foreach (var (flag, name) in Names)
            {
                if ((m.Flags & flag) != 0)
                {
                    w.WriteStringValue(name);
                }
            }

            foreach (var opt in m.Data.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                w.WriteStringValue(opt);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
