using System.Runtime.InteropServices;
using System.Text;
using Hctr.Policy.Plan;
using Hctr.Sandbox.Interop;

namespace Hctr.Sandbox.Init;

public static unsafe partial class InitStage
{
    private static void ApplyHostname(LaunchPlan plan)
    {
        if (!plan.Namespaces.Namespaces.Contains("uts") || plan.Process.Hostname.Length == 0)
        {
            return;
        }

        InitStepException.Run("hostname", default, () =>
        {
            byte[] name = Encoding.UTF8.GetBytes(plan.Process.Hostname);
            fixed (byte* p = name)
            {
                Errno.Check(CredentialCalls.sethostname(p, name.Length), "sethostname", plan.Process.Hostname);
            }
        });
    }

    private static void ApplyRlimits(IReadOnlyList<RlimitStep> rlimits)
    {
        foreach (var r in rlimits)
        {
            InitStepException.Run("rlimits", r.Origin, () =>
            {
                ulong* limit = stackalloc ulong[2] { r.Soft, r.Hard };
                Errno.Check(CredentialCalls.prlimit(0, r.Resource, limit, null), "prlimit", r.Name);
            });
        }
    }

    private static void ApplySysctls(IReadOnlyList<SysctlStep> sysctls)
    {
        foreach (var s in sysctls)
        {
            InitStepException.Run("sysctls", s.Origin, () =>
            {
                string path = "/proc/sys/" + s.Key.Replace('.', '/');
                using var fd = new SafeFd(Errno.Check(FileCalls.open(path, FileCalls.O_WRONLY | FileCalls.O_CLOEXEC | FileCalls.O_NOFOLLOW, 0), "open", path));
                FileCalls.WriteAll(fd.Fd, Encoding.UTF8.GetBytes(s.Value), path);
            });
        }
    }

    private static void ApplyLoopback(NetworkPlan network)
    {
        if (network.LoopbackUp)
        {
            InitStepException.Run("loopback", network.Origin, () => NetCalls.InterfaceUp("lo"));
        }
    }

    /// <summary>Step 10: on this thread, no await, nothing between the last security step and execve but fd marking and chdir.</summary>
    private static void Exec(LaunchPlan plan, int errorFd)
    {
        var p = plan.Process;
        string path = "";
        InitStepException.Run("exec", default, () => path = ResolveExecutable(p));
        InitStepException.Run("credentials", plan.IdMaps.Origin, () => ApplyCredentials(plan));
        InitStepException.Run("capabilities", plan.Capabilities.Origin, () => ApplyCapabilities(plan.Capabilities));

        // Changing ids or regaining capabilities cleared the parent-death signal: the container must die with hctr.
        // (An execve that grows the permitted set clears it again; the pid namespace and the next run's cleanup of
        // the cgroup cover that case.)
        InitStepException.Run("credentials", default, () => Errno.Check(CredentialCalls.prctl(CredentialCalls.PR_SET_PDEATHSIG, ProcessCalls.SIGKILL, 0, 0, 0), "prctl", "PR_SET_PDEATHSIG"));
        if (PollCalls.ReaderGone(errorFd))
        {
            Environment.Exit(125); // hctr died before the signal was armed again: nobody waits for this container
        }
        // The exec label only takes effect at execve, so writing it before no_new_privs and Landlock loses nothing,
        // and Landlock (which may not grant writes under /proc) would refuse opening the attr file after it.
        // (runc also writes its AppArmor label before no_new_privs.)
        if (plan.AppArmor.Load)
        {
            InitStepException.Run("apparmor", default, () => AppArmorExecLabel.Write(plan.AppArmor.ProfileName));
        }

        if (plan.NoNewPrivileges)
        {
            InitStepException.Run("no_new_privs", plan.NoNewPrivilegesOrigin, () => Errno.Check(CredentialCalls.prctl(CredentialCalls.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "prctl", "PR_SET_NO_NEW_PRIVS"));
        }

        if (plan.Landlock is { } landlock)
        {
            ApplyLandlock(landlock);
        }

        if (plan.Seccomp.NeedsListener)
        {
            // Fails closed: a filter that relies on a user-space listener must not load without one.
            throw new InitStepException("seccomp", plan.Seccomp.Origin, new SyscallException("seccomp", Errno.ENOSYS, "SECCOMP_FILTER_FLAG_NEW_LISTENER (not supported)"));
        }

        if (plan.Seccomp.Program.Length > 0)
        {
            byte[] program = Convert.FromBase64String(plan.Seccomp.Program);
            InitStepException.Run("seccomp", plan.Seccomp.Origin, () => Errno.Check(SeccompCalls.SetFilter(program, plan.Seccomp.Flags), "seccomp", "SECCOMP_SET_MODE_FILTER"));
        }

        // Every fd above stdio, this runtime's included, closes at execve; the error pipe stays usable until then.
        InitStepException.Run("close fds", default, () => Errno.Check(FileCalls.CloseRange(3, uint.MaxValue, 4 /* CLOSE_RANGE_CLOEXEC */), "close_range", "3..max"));
        InitStepException.Run("cwd", default, () => Errno.Check(FileCalls.chdir(p.Cwd), "chdir", p.Cwd));
        throw new InitStepException("exec", default, ProcessImage.Exec(path, p.Argv, p.Env));
    }

    private static void ApplyCredentials(LaunchPlan plan)
    {
        var p = plan.Process;
        Errno.Check(CredentialCalls.prctl(CredentialCalls.PR_SET_KEEPCAPS, 1, 0, 0, 0), "prctl", "PR_SET_KEEPCAPS");
        if (!plan.IdMaps.DenySetgroups || p.AdditionalGids.Count > 0)
        {
            uint[] gids = [.. p.AdditionalGids];
            fixed (uint* g = gids)
            {
                Errno.Check(CredentialCalls.setgroups(gids.Length, g), "setgroups", string.Join(',', gids));
            }
        }

        Errno.Check(CredentialCalls.setresgid(p.Gid, p.Gid, p.Gid), "setresgid", p.Gid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Errno.Check(CredentialCalls.setresuid(p.Uid, p.Uid, p.Uid), "setresuid", p.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Errno.Check(CredentialCalls.prctl(CredentialCalls.PR_SET_KEEPCAPS, 0, 0, 0, 0), "prctl", "PR_SET_KEEPCAPS");
    }

    private static void ApplyCapabilities(CapabilityPlan caps)
    {
        // setresuid away from 0 cleared the effective set: take back what is permitted, for CAP_SETPCAP.
        ulong permitted = CredentialCalls.PermittedNow();
        Errno.Check(CredentialCalls.Capset(permitted, permitted, 0), "capset", "restore effective");
        for (int cap = 0; CredentialCalls.prctl(CredentialCalls.PR_CAPBSET_READ, (ulong)cap, 0, 0, 0) >= 0; cap++)
        {
            if ((caps.Bounding & (1UL << cap)) == 0)
            {
                Errno.Check(CredentialCalls.prctl(CredentialCalls.PR_CAPBSET_DROP, (ulong)cap, 0, 0, 0), "prctl", $"PR_CAPBSET_DROP {cap}");
            }
        }

        Errno.Check(CredentialCalls.Capset(caps.Effective, caps.Permitted, caps.Inheritable), "capset", "plan sets");
        Errno.Check(CredentialCalls.prctl(CredentialCalls.PR_CAP_AMBIENT, CredentialCalls.PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0), "prctl", "PR_CAP_AMBIENT_CLEAR_ALL");
        for (int cap = 0; cap < 64; cap++)
        {
            if ((caps.Ambient & (1UL << cap)) != 0)
            {
                Errno.Check(CredentialCalls.prctl(CredentialCalls.PR_CAP_AMBIENT, CredentialCalls.PR_CAP_AMBIENT_RAISE, (ulong)cap, 0, 0), "prctl", $"PR_CAP_AMBIENT_RAISE {cap}");
            }
        }
    }

    private static void ApplyLandlock(LandlockPlan plan)
    {
        InitStepException.Run("landlock", default, () =>
        {
            using var ruleset = new SafeFd(Errno.Check(LandlockCalls.CreateRuleset(plan.HandledAccessFs, plan.HandledAccessNet, plan.Scoped, plan.Abi), "landlock_create_ruleset"));
            foreach (var rule in plan.PathRules)
            {
                InitStepException.Run("landlock", rule.Origin, () => AddLandlockPathRule(ruleset.Fd, rule));
            }

            foreach (var rule in plan.NetRules)
            {
                InitStepException.Run("landlock", rule.Origin, () => Errno.Check(LandlockCalls.AddNetRule(ruleset.Fd, rule.Port, rule.Access), "landlock_add_rule", $"port {rule.Port}"));
            }

            Errno.Check(LandlockCalls.RestrictSelf(ruleset.Fd), "landlock_restrict_self");
        });
    }

    private static void AddLandlockPathRule(int ruleset, LandlockPathRule rule)
    {
        int fd = FileCalls.open(rule.Path, FileCalls.O_PATH | FileCalls.O_CLOEXEC, 0);
        if (fd < 0 && Errno.Last == Errno.ENOENT)
        {
            return; // nothing to grant: a missing path only means less access (fails closed)
        }

        using var handle = new SafeFd(Errno.Check(fd, "open", rule.Path));
        ulong access = rule.Access;
        if (FileCalls.FileType(handle.Fd) != FileCalls.S_IFDIR)
        {
            access &= LandlockCalls.FileRights; // directory-only rights on a file are EINVAL
        }

        Errno.Check(LandlockCalls.AddPathRule(ruleset, handle.Fd, access), "landlock_add_rule", rule.Path);
    }

    /// <summary>argv[0] as given when it holds a '/', else the first executable match in the plan's PATH.</summary>
    private static string ResolveExecutable(ProcessPlan p)
    {
        string argv0 = p.Argv.Count > 0 ? p.Argv[0] : throw new SyscallException("execve", Errno.ENOENT, "(empty argv)");
        if (argv0.Contains('/'))
        {
            return argv0;
        }

        string pathVar = p.Env.FirstOrDefault(e => e.StartsWith("PATH=", StringComparison.Ordinal))?[5..] ?? "/usr/bin:/bin";
        foreach (string dir in pathVar.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = $"{dir.TrimEnd('/')}/{argv0}";
            if (FileCalls.access(candidate, 1 /* X_OK */) == 0)
            {
                return candidate;
            }
        }

        throw new InitStepException("exec", default, new SyscallException("execve", Errno.ENOENT, argv0));
    }
}
