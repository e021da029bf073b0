namespace Hctr.Policy.Compile;

/// <summary>The device nodes every container gets (as runc does), and the device cgroup lines that go with them.</summary>
internal static class DefaultDevices
{
    public readonly record struct Node(string Path, char Type, long Major, long Minor);

    /// <summary>Bind-mounted from the host: mknod is not allowed in a user namespace.</summary>
    public static IReadOnlyList<Node> Nodes { get; } =
    [
        new("/dev/null", 'c', 1, 3),
        new("/dev/zero", 'c', 1, 5),
        new("/dev/full", 'c', 1, 7),
        new("/dev/random", 'c', 1, 8),
        new("/dev/urandom", 'c', 1, 9),
        new("/dev/tty", 'c', 5, 0),
    ];

    /// <summary>devices.allow lines (v1) for the default nodes plus /dev/ptmx and the devpts slaves.</summary>
    public static IReadOnlyList<string> AllowLines { get; } =
    [
        "c 1:3 rwm",
        "c 1:5 rwm",
        "c 1:7 rwm",
        "c 1:8 rwm",
        "c 1:9 rwm",
        "c 5:0 rwm",
        "c 5:2 rwm",
        "c 136:* rwm",
    ];
}
