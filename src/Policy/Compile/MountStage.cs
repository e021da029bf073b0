using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;
using static Hctr.Policy.Compile.MountFlags;

namespace Hctr.Policy.Compile;

/// <summary>
/// Mounts inside the new root, in order: the OCI/runc defaults (/proc, /dev, /dev/pts, /dev/shm, /dev/mqueue,
/// /sys and, on cgroup v2, /sys/fs/cgroup), the default and profile device nodes (bind mounts of the host
/// nodes: mknod is not allowed in a user namespace), then the profile's tmpfs mounts and the request's
/// volumes sorted by depth (a parent before anything mounted beneath it). Symlinks (/dev/fd, stdin, stdout,
/// stderr, /dev/ptmx → pts/ptmx) are the Sandbox's job, not mounts.
/// </summary>
internal static class MountStage
{
    public static List<MountStep> Build(CompileContext c, NamespacePlan ns, IdMapPlan ids)
    {
        var at = c.Profile.Origin;
        var steps = new List<MountStep>
        {
            new("proc", "/proc", "proc", NoSuid | NoExec | NoDev, "", MountTargetKind.Directory, at),
            new("tmpfs", "/dev", "tmpfs", NoSuid | StrictAtime, "mode=755,size=65536k", MountTargetKind.Directory, at),
            new("devpts", "/dev/pts", "devpts", NoSuid | NoExec, DevptsData(ids), MountTargetKind.Directory, at),
            new("shm", "/dev/shm", "tmpfs", NoSuid | NoExec | NoDev, "mode=1777,size=65536k", MountTargetKind.Directory, at),
            new("mqueue", "/dev/mqueue", "mqueue", NoSuid | NoExec | NoDev, "", MountTargetKind.Directory, at),
        };

        // A new sysfs instance belongs to the network namespace; in a user namespace that shares the host's
        // network namespace the kernel refuses it, so bind the host's /sys read-only instead (as runc does).
        var userns = NamespaceStage.Has(ns, "user");
        var netns = NamespaceStage.Has(ns, "net");
        if (userns && !netns)
        {
            steps.Add(new("/sys", "/sys", "none", Bind | Rec | ReadOnly | NoSuid | NoExec | NoDev, "", MountTargetKind.Directory, at));
        }
        else
        {
            steps.Add(new("sysfs", "/sys", "sysfs", ReadOnly | NoSuid | NoExec | NoDev, "", MountTargetKind.Directory, at));
            if (c.Host.Cgroups == CgroupLayout.V2)
            {
                // With a cgroup namespace the container sees only its own subtree.
                steps.Add(new("cgroup", "/sys/fs/cgroup", "cgroup2", ReadOnly | NoSuid | NoExec | NoDev, "", MountTargetKind.Directory, at));
            }
        }

        AddDevices(c, steps);
        var later = new List<MountStep>();
        AddTmpfs(c, later);
        VolumeStage.Add(c, later);
        steps.AddRange(later.OrderBy(s => ContainerPath.Depth(s.Target)));
        return steps;
    }

    /// <summary>gid=5 (tty) only when the container maps gid 5; otherwise devpts would fail with EINVAL.</summary>
    private static string DevptsData(IdMapPlan ids)
    {
        const string data = "newinstance,ptmxmode=0666,mode=0620";
        var ttyMapped = ids.Gid.Count == 0 || IdMapStage.IsMapped(ids.Gid, 5);
        return ttyMapped ? data + ",gid=5" : data;
    }

    private static void AddDevices(CompileContext c, List<MountStep> steps)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in DefaultDevices.Nodes)
        {
            seen.Add(d.Path);
            steps.Add(new(d.Path, d.Path, "none", Bind | NoSuid | NoExec, "", MountTargetKind.File, c.Profile.Origin));
        }

        foreach (var d in c.Profile.Devices)
        {
            if (!ContainerPath.TryNormalize(d.Path, out var p) || !p.StartsWith("/dev/", StringComparison.Ordinal))
            {
                c.Diagnostics.Error(DiagnosticCodes.BadDevice, d.Origin, $"device path '{d.Path}' must be an absolute path under /dev", "spec.devices");
                continue;
            }

            if (seen.Add(p))
            {
                steps.Add(new(p, p, "none", Bind | NoSuid | NoExec, "", MountTargetKind.File, d.Origin));
            }
        }
    }

    private static void AddTmpfs(CompileContext c, List<MountStep> steps)
    {
        foreach (var t in c.Profile.Filesystem.Tmpfs)
        {
            if (!ContainerPath.TryNormalize(t.Path, out var p) || p == "/")
            {
                c.Diagnostics.Error(DiagnosticCodes.BadPath, t.Origin, $"tmpfs path '{t.Path}' must be absolute, not '/', without '..'", "spec.filesystem.tmpfs");
                continue;
            }

            ulong flags = 0;
            foreach (var o in t.Options)
            {
                switch (o)
                {
                    case "nosuid": flags |= NoSuid; break;
                    case "nodev": flags |= NoDev; break;
                    case "noexec": flags |= NoExec; break;
                    case "ro": flags |= ReadOnly; break;
                    default:
                        c.Diagnostics.Error(DiagnosticCodes.SchemaValue, t.Origin, $"unknown tmpfs option '{o}'", "spec.filesystem.tmpfs", "nosuid, nodev, noexec, ro");
                        break;
                }
            }

            if (!c.Profile.Filesystem.AllowSetuid.Value)
            {
                flags |= NoSuid;
            }

            var data = "mode=" + Convert.ToString(t.Mode & 0xFFF, 8);
            if (t.SizeBytes is { } size)
            {
                data += ",size=" + size.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            steps.Add(new("tmpfs", p, "tmpfs", flags, data, MountTargetKind.Directory, t.Origin));
        }
    }
}
