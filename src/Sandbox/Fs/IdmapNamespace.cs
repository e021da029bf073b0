using System.Globalization;
using System.Text;
using Hctr.Policy.Plan;
using Hctr.Sandbox.Interop;

namespace Hctr.Sandbox.Fs;

/// <summary>
/// A user namespace with a container's id maps, held only by an fd, for <c>mount_setattr(MOUNT_ATTR_IDMAP)</c>:
/// an idmapped mount reads its mapping from the namespace and needs no process in it. A multithreaded .NET process
/// cannot unshare(CLONE_NEWUSER), so a child is cloned into a new user namespace through the native helper; it
/// blocks on its "go" byte, the parent writes the maps and opens <c>/proc/PID/ns/user</c>, then closes the sync
/// pipe, and the child exits without ever running anything (it never gets the byte).
/// </summary>
internal static class IdmapNamespace
{
    public static SafeFd Create(IdMapPlan maps)
    {
        var (errRead, errWrite) = FileCalls.Pipe();
        var (syncRead, syncWrite) = FileCalls.Pipe();
        using var _1 = errRead;
        using var _2 = errWrite;
        using var _3 = syncRead;
        using var _4 = syncWrite;
        using var child = ContainerProcess.Start(new ContainerProcess.StartInfo(
            0x10000000 /* CLONE_NEWUSER */, syncRead.Fd, syncWrite.Fd, errWrite.Fd, errRead.Fd,
            SetRootIds: false, Reaper: false, Stdio: -1, ControllingTty: false, KeepFds: [],
            "/nonexistent/hctr-idmap-holder", ["hctr-idmap-holder"], []));
        string proc = $"/proc/{child.Pid}";
        if (maps.DenySetgroups)
        {
            FileCalls.WriteText($"{proc}/setgroups", "deny");
        }

        FileCalls.WriteText($"{proc}/uid_map", Format(maps.Uid));
        FileCalls.WriteText($"{proc}/gid_map", Format(maps.Gid));
        var ns = new SafeFd(Errno.Check(FileCalls.open($"{proc}/ns/user", FileCalls.O_RDONLY | FileCalls.O_CLOEXEC, 0), "open", $"{proc}/ns/user"));
        syncWrite.Dispose(); // EOF on the sync pipe: the child exits with 125 and never execs
        child.WaitForExit(TimeSpan.FromSeconds(10));
        return ns;
    }

    private static string Format(IReadOnlyList<IdMapEntry> entries)
    {
        var sb = new StringBuilder();
        foreach (var e in entries)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{e.ContainerId} {e.HostId} {e.Size}\n");
        }

        return sb.ToString();
    }
}
