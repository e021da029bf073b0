namespace Hctr.Sandbox.Tests;

/// <summary>A throw-away rootfs: Debian's static busybox with applet links, owned by the container's mapped root.</summary>
public sealed class BusyboxRootfs : IDisposable
{
    private static readonly string[] Applets =
    [
        "sh", "id", "cat", "ls", "mount", "umount", "hostname", "echo", "true", "false", "sleep", "mkdir", "touch",
        "readlink", "kill", "ps", "grep", "wc", "head", "nc", "ulimit", "stat", "rm", "env", "pwd", "test", "dd",
        "tty", "stty", "cmp",
    ];

    public BusyboxRootfs()
    {
        Path = Directory.CreateTempSubdirectory("hctr-rootfs-").FullName;
        File.SetUnixFileMode(Path, (UnixFileMode)0x1ed); // 0755: non-root container users must reach /
        foreach (string dir in (string[])["bin", "proc", "dev", "sys", "tmp", "etc", "root", "data"])
        {
            Directory.CreateDirectory(System.IO.Path.Combine(Path, dir));
        }

        File.Copy("/bin/busybox", System.IO.Path.Combine(Path, "bin/busybox"));
        foreach (string applet in Applets)
        {
            File.CreateSymbolicLink(System.IO.Path.Combine(Path, "bin", applet), "busybox");
        }

        File.WriteAllText(System.IO.Path.Combine(Path, "etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        File.WriteAllText(System.IO.Path.Combine(Path, "etc/group"), "root:x:0:\n");
        Chown(Path, TestPlans.HostIdBase);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static void Chown(string path, uint id = TestPlans.HostIdBase)
    {
        using var p = System.Diagnostics.Process.Start("chown", ["-hR", $"{id}:{id}", path])!;
        p.WaitForExit();
    }
}
