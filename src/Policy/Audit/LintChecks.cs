using System.Collections.Frozen;
using Hctr.Policy.Capabilities;
using Hctr.Policy.Compile;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Model;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Audit;

/// <summary>The rule checks over the effective profile; seccomp questions go to the compiled rule tables.</summary>
internal static class LintChecks
{
    public static readonly FrozenSet<Capability> DangerousCapabilities = new[]
    {
        Capability.SysAdmin, Capability.SysPtrace, Capability.SysModule, Capability.NetAdmin, Capability.DacReadSearch, Capability.Bpf,
        Capability.Perfmon, Capability.SysRawio, Capability.SysBoot, Capability.SysTime, Capability.MacAdmin, Capability.MacOverride,
        Capability.Syslog, Capability.LinuxImmutable, Capability.SysPacct, Capability.AuditControl, Capability.CheckpointRestore,
    }.ToFrozenSet();

    public static readonly string[] DangerousSyscalls =
    [
        "ptrace", "process_vm_writev", "mount", "umount", "umount2", "pivot_root", "fsopen", "fsmount", "move_mount", "open_tree", "bpf",
        "perf_event_open", "keyctl", "add_key", "request_key", "setns", "open_by_handle_at", "kexec_load", "kexec_file_load", "init_module",
        "finit_module", "delete_module", "userfaultfd", "io_uring_setup", "io_uring_enter", "io_uring_register", "reboot", "swapon", "swapoff",
    ];

    public static IEnumerable<LintFinding> Run(SecurityProfile p, HostFacts host)
    {
        foreach (var cap in p.Capabilities.Add.Where(c => DangerousCapabilities.Contains(c.Value)))
        {
            yield return new(LintRules.DangerousCapability, $"capability {CapabilityNames.Name(cap.Value)} is granted", cap.Origin);
        }

        var u = p.UserNamespace;
        if (u.Mode.Value == UserNamespaceMode.HostUnsafe)
        {
            yield return new(LintRules.NoUserNamespace, "userNamespace.mode is hostUnsafe: container root is host root", u.Mode.Origin);
        }

        foreach (var m in u.UidMappings.Concat(u.GidMappings).Where(m => m.HostId == 0))
        {
            yield return new(LintRules.HostRootMapped, $"container id {m.ContainerId} is mapped to host id 0", m.Origin);
        }

        if (u.AllowHostRootUnsafe.Value)
        {
            yield return new(LintRules.UnsafeSwitch, "allowHostRootUnsafe is set", u.AllowHostRootUnsafe.Origin);
        }

        foreach (var f in Seccomp(p, host))
        {
            yield return f;
        }

        foreach (var f in Filesystem(p.Filesystem, p.Origin))
        {
            yield return f;
        }

        foreach (var m in p.Network.Modes.Where(m => m.Value == NetworkMode.Host))
        {
            yield return new(LintRules.HostNetwork, "network mode host is allowed", m.Origin);
        }

        if (p.Resources.PidsMax.Value is null)
        {
            yield return new(LintRules.NoPidsLimit, "no pids limit", p.Resources.PidsMax.Origin);
        }

        if (p.Resources.MemoryBytes.Value is null)
        {
            yield return new(LintRules.NoMemoryLimit, "no memory limit", p.Resources.MemoryBytes.Origin);
        }

        if (!p.NoNewPrivileges.Value)
        {
            yield return new(LintRules.NoNewPrivsOff, "noNewPrivileges is false", p.NoNewPrivileges.Origin);
        }

        foreach (var dev in p.Devices.Where(d => !DefaultDevices.Nodes.Any(n => n.Path == d.Path && n.Major == d.Major && n.Minor == d.Minor)))
        {
            yield return new(LintRules.ExtraDevices, $"device {dev.Path} ({dev.Type} {dev.Major}:{dev.Minor} {dev.Access}) is allowed", dev.Origin);
        }

        foreach (var w in p.Widen)
        {
            yield return new(LintRules.WidenDeclared, $"declares 'widen: [{w.Value}]' over its base profile", w.Origin);
        }
    }

    private static IEnumerable<LintFinding> Filesystem(FilesystemProfile fs, SourceLocation profileOrigin)
    {
        if (!fs.ReadOnlyRootfs.Value)
        {
            yield return new(LintRules.WritableRootfs, "the root filesystem is writable", fs.ReadOnlyRootfs.Origin);
        }

        foreach (var t in fs.Tmpfs.Where(t => !t.Options.Contains("noexec")))
        {
            yield return new(LintRules.ExecutableTmpfs, $"tmpfs {t.Path} is writable and executable", t.Origin);
        }

        if (fs.AllowSetuid.Value)
        {
            yield return new(LintRules.UnsafeSwitch, "allowSetuid keeps setuid bits", fs.AllowSetuid.Origin);
        }

        if (!fs.ReadOnlyPaths.Any(r => r.Value is "/proc/sys" or "/proc"))
        {
            var at = fs.ReadOnlyPaths.IsEmpty ? profileOrigin : fs.ReadOnlyPaths[0].Origin;
            yield return new(LintRules.WritableKernelFs, "/proc/sys is not among the read-only paths", at);
        }

        foreach (var v in fs.Volumes.Where(v => KernelFs(v.Target) && v.Modes.Contains(VolumeMode.ReadWrite)))
        {
            yield return new(LintRules.WritableKernelFs, $"a read-write volume may be bound at {v.Target}", v.Origin);
        }

        foreach (var t in fs.Tmpfs.Where(t => KernelFs(t.Path)))
        {
            yield return new(LintRules.WritableKernelFs, $"a writable tmpfs is mounted at {t.Path}", t.Origin);
        }
    }

    private static bool KernelFs(string path) =>
        path is "/sys" or "/proc/sys" || path.StartsWith("/sys/", StringComparison.Ordinal) || path.StartsWith("/proc/sys/", StringComparison.Ordinal);

    private static IEnumerable<LintFinding> Seccomp(SecurityProfile p, HostFacts host)
    {
        var s = p.Seccomp;
        if (SyscallExposure.IsAllow(s.DefaultAction.Value))
        {
            yield return new(LintRules.SeccompDefaultAllow, $"seccomp defaultAction is {s.DefaultAction.Value}", s.DefaultAction.Origin);
        }

        var tables = RuleResolver.Resolve(SeccompStage.RuleSet(s, host));
        var hits = new List<(LintRule Rule, string Name, SourceLocation At, SeccompArch Arch)>();
        foreach (var t in tables)
        {
            foreach (var name in DangerousSyscalls)
            {
                if (SyscallTable.TryGetNumber(t.Arch, name, out var nr) && SyscallExposure.AllowedAt(t, nr, s.DefaultAction.Origin) is { } at)
                {
                    hits.Add((LintRules.DangerousSyscall, name, at, t.Arch));
                }
            }

            foreach (var (name, bits) in new[] { ("clone", SyscallExposure.CloneNamespaceBits), ("unshare", SyscallExposure.UnshareNamespaceBits) })
            {
                var mask = SyscallExposure.Mask(bits);
                if (SyscallTable.TryGetNumber(t.Arch, name, out var nr)
                    && SyscallExposure.AllowedAt(t, nr, s.DefaultAction.Origin, a => (a[0] & mask) != 0, 0, bits) is { } at)
                {
                    hits.Add((LintRules.NamespaceCreation, name + " with namespace flags", at, t.Arch));
                }
            }

            if (SyscallTable.TryGetNumber(t.Arch, "clone3", out var c3) && SyscallExposure.AllowedAt(t, c3, s.DefaultAction.Origin) is { } at3)
            {
                hits.Add((LintRules.NamespaceCreation, "clone3", at3, t.Arch));
            }
        }

        foreach (var g in hits.GroupBy(h => (h.Rule, h.Name, h.At)))
        {
            var arches = string.Join(", ", g.Select(h => SeccompArchNames.ToName(h.Arch)).Distinct());
            yield return new(g.Key.Rule, $"'{g.Key.Name}' can be allowed ({arches})", g.Key.At);
        }
    }
}
