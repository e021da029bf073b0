using System.Text;
using Hctr.Sandbox.Interop;

namespace Hctr.Sandbox.Init;

/// <summary>
/// The AppArmor exec label: <c>exec NAME</c> written to the calling task's attr file makes its next execve enter
/// the profile NAME (loaded by the parent, <see cref="AppArmor.AppArmorLoader"/>). The AppArmor-specific file
/// (<c>/proc/self/attr/apparmor/exec</c>, kernels with LSM stacking) first, else the shared
/// <c>/proc/self/attr/exec</c>. The files are opened without O_CREAT: a missing or foreign attr fails the launch.
/// Paths are parameters so tests can aim it at plain files.
/// </summary>
internal static class AppArmorExecLabel
{
    public const string AttrPath = "/proc/self/attr/apparmor/exec";
    public const string LegacyAttrPath = "/proc/self/attr/exec";

    public static void Write(string profileName, string attrPath = AttrPath, string legacyAttrPath = LegacyAttrPath)
    {
        string path = attrPath;
        int fd = FileCalls.open(path, FileCalls.O_WRONLY | FileCalls.O_CLOEXEC | FileCalls.O_NOFOLLOW, 0);
        if (fd < 0 && Errno.Last == Errno.ENOENT)
        {
            path = legacyAttrPath;
            fd = FileCalls.open(path, FileCalls.O_WRONLY | FileCalls.O_CLOEXEC | FileCalls.O_NOFOLLOW, 0);
        }

        using var handle = new SafeFd(Errno.Check(fd, "open", path));
        FileCalls.WriteAll(handle.Fd, Encoding.UTF8.GetBytes("exec " + profileName), path);
    }
}
