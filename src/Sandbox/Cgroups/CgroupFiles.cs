using Hctr.Policy.Plan;
using Hctr.Sandbox.Interop;

namespace Hctr.Sandbox.Cgroups;

/// <summary>The file operations both layouts share: write a value, read pids, kill and remove a directory.</summary>
internal static class CgroupFiles
{
    public static void Write(string path, string value) => FileCalls.WriteText(path, value);

    /// <summary>
    /// The plan's cgroup name is <c>hctr-NAME</c>, NAME 1-128 characters of [A-Za-z0-9_.-] (not "." or ".."): one
    /// path component. The compiler writes <c>hctr-ID</c>; a plan file run as written (<c>hctr run --plan</c>) may
    /// choose NAME but not a directory elsewhere, and every cgroup hctr creates (and so may later kill and remove)
    /// carries the prefix.
    /// </summary>
    public static void CheckName(string name)
    {
        if (!PlanBinder.IsValidCgroupName(name))
        {
            throw new ArgumentException($"the plan's cgroup name '{name}' must be {PlanBinder.CgroupPrefix}NAME, NAME 1-128 characters of [A-Za-z0-9_.-]");
        }
    }

    /// <summary>A controller name ([a-z0-9_]): it becomes a path component (v1) or a word in cgroup.subtree_control (v2).</summary>
    public static void CheckController(string controller)
    {
        if (controller.Length == 0 || !controller.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '_'))
        {
            throw new ArgumentException($"the plan's cgroup controller '{controller}' is not a controller name");
        }
    }

    /// <summary>
    /// Creates a container's cgroup directory, failing if it exists. A container never joins a cgroup it did not
    /// create: at its end hctr kills every process in its cgroups, so a shared one (two runs of one plan file at once)
    /// would take the other container down with it.
    /// </summary>
    public static void CreateExclusive(string dir)
    {
        if (FileCalls.mkdirat(FileCalls.AT_FDCWD, dir, 0x1ED /* 0755 */) == 0)
        {
            return;
        }

        int errno = Errno.Last;
        throw new SyscallException("mkdir", errno, errno == Errno.EEXIST
            ? $"{dir} (the cgroup exists: another container's, or left by an hctr that was killed; a container never joins a cgroup it did not create. Give each concurrent run of a plan its own cgroup name, or rmdir a leftover once nothing runs in it)"
            : dir);
    }

    /// <summary>The process's own cgroup per hierarchy from /proc/self/cgroup: "memory" → "/a/b", "" → the v2 path.</summary>
    public static Dictionary<string, string> SelfCgroups(string procSelfCgroup)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadAllLines(procSelfCgroup))
        {
            string[] f = line.Split(':', 3);
            if (f.Length != 3)
            {
                continue;
            }

            foreach (string controller in f[1].Split(','))
            {
                result[controller.StartsWith("name=", StringComparison.Ordinal) ? controller[5..] : controller] = f[2];
            }
        }

        return result;
    }

    /// <summary>The "oom_kill N" line of memory.oom_control (v1) or memory.events (v2) in any of the directories is non-zero.</summary>
    public static bool AnyOomKill(IReadOnlyList<string> directories, string file)
    {
        foreach (string dir in directories)
        {
            string path = Path.Combine(dir, file);
            if (!File.Exists(path))
            {
                continue;
            }

            foreach (string line in File.ReadAllLines(path))
            {
                if (line.StartsWith("oom_kill ", StringComparison.Ordinal) && line[9..].Trim() != "0")
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>rmdir each directory (ENOENT counts as removed); EBUSY, a process still in it or exiting, is retried
    /// for up to a second and then left. Never signals anything. True when none of them is left.</summary>
    public static bool RemoveIfEmpty(IReadOnlyList<string> directories)
    {
        bool all = true;
        foreach (string dir in directories.Reverse())
        {
            all &= RemoveRetryingBusy(dir, timeoutMs: 1000) == 0;
        }

        return all;
    }

    /// <summary>
    /// Kills what is left (cgroup.kill on v2, SIGKILL per pid otherwise) and rmdirs the directory, retrying while
    /// the kernel still counts exiting tasks (EBUSY). Throws after 5 s, and at once if hctr itself is listed (a
    /// thread of hctr left in the container's cgroup): hctr never signals itself.
    /// </summary>
    public static void KillAndRemove(string dir, string procsFile, bool useCgroupKill)
    {
        if (!Directory.Exists(dir))
        {
            return;
        }

        if (useCgroupKill && File.Exists(Path.Combine(dir, "cgroup.kill")))
        {
            Write(Path.Combine(dir, "cgroup.kill"), "1");
        }

        string procs = Path.Combine(dir, procsFile);
        int errno = RemoveRetryingBusy(dir, timeoutMs: 5000, beforeEachTry: () =>
        {
            foreach (string pid in File.Exists(procs) ? File.ReadAllLines(procs) : [])
            {
                if (int.TryParse(pid, System.Globalization.CultureInfo.InvariantCulture, out int n))
                {
                    if (n == Environment.ProcessId)
                    {
                        throw new SyscallException("rmdir", Errno.EBUSY, $"{dir} (a thread of hctr is still in it)");
                    }

                    ProcessCalls.kill(n, ProcessCalls.SIGKILL);
                }
            }
        });
        if (errno != 0)
        {
            throw new SyscallException("rmdir", errno, dir);
        }
    }

    /// <summary>rmdir, retried every 5 ms while the kernel still counts exiting tasks (EBUSY), for up to
    /// <paramref name="timeoutMs"/>; <paramref name="beforeEachTry"/> runs before every attempt. 0 once the directory
    /// is gone (ENOENT counts), else the errno of the last attempt.</summary>
    private static int RemoveRetryingBusy(string dir, long timeoutMs, Action? beforeEachTry = null)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            beforeEachTry?.Invoke();
            if (FileCalls.rmdir(dir) == 0 || Errno.Last == Errno.ENOENT)
            {
                return 0;
            }

            int errno = Errno.Last;
            if (errno != Errno.EBUSY || Environment.TickCount64 > deadline)
            {
                return errno;
            }

            Thread.Sleep(5);
        }
    }
}
