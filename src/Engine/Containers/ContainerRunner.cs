using System.Globalization;
using Hctr.Policy.Plan;
using Hctr.Sandbox;
using Hctr.Sandbox.Cgroups;
using Hctr.Sandbox.Fs;

namespace Hctr.Engine.Containers;

/// <summary>
/// Container bookkeeping around <see cref="Launcher"/>: names, the state directory (default <c>/run/hctr</c>),
/// and cleaning what a killed hctr left behind (its container died with it through the parent-death signal
/// and the pid namespace; its cgroups, state and image rootfs mounts remain until the next run removes them).
/// </summary>
public sealed class ContainerRunner(string stateRoot, ICgroupManager cgroups)
{
    public const string DefaultStateRoot = "/run/hctr";

    /// <summary>
    /// 12 hex digits from a version-4 GUID's first six (random) bytes. Guid draws from the kernel's CSPRNG without
    /// RandomNumberGenerator, whose first use loads OpenSSL: a cost every launch would pay for one id.
    /// </summary>
    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.NewGuid().TryWriteBytes(bytes);
        return Convert.ToHexStringLower(bytes[..6]);
    }

    /// <summary>Removes state, cgroups and processes of containers whose hctr is gone. Returns how many.</summary>
    public int CleanLeftovers()
    {
        if (!Directory.Exists(stateRoot))
        {
            return 0;
        }

        int cleaned = 0;
        foreach (string dir in Directory.GetDirectories(stateRoot))
        {
            string file = Path.Combine(dir, "state");
            if (!File.Exists(file))
            {
                // Not a container (idranges/, the plan cache, ...), or one whose hctr died before its first state
                // write: never delete what cannot be identified. (Deleting idranges/ would free the host id ranges
                // of running containers for reuse.)
                continue;
            }

            var state = ContainerState.TryParse(File.ReadAllText(file));
            if (state is not null && IsAlive(state.HctrPid, state.HctrStartTime))
            {
                continue;
            }

            if (state is null && Directory.GetLastWriteTimeUtc(dir) > DateTime.UtcNow.AddMinutes(-1))
            {
                continue; // being written by another hctr right now
            }

            if (state is not null)
            {
                if (!OwnCgroups(state, Path.GetFileName(dir)))
                {
                    continue; // never SIGKILL the processes of a cgroup this container did not own: leave it for a human
                }

                cgroups.Destroy(state.CgroupDirectories);
                if (!cgroups.RemoveIfEmpty(state.PendingCgroupDirectories))
                {
                    continue; // a pending directory with processes in it: not provably this run's; the next cleanup looks again
                }
            }

            // An image rootfs (overlay) is mounted in hctr's namespace: unmount before deleting, and never delete
            // through something that stays mounted.
            RootfsMounts.UnmountUnder(dir);
            if (RootfsMounts.MountPointsUnder(dir).Count > 0)
            {
                continue;
            }

            Directory.Delete(dir, recursive: true);
            cleaned++;
        }

        return cleaned;
    }

    /// <summary>
    /// Whether every cgroup directory a leftover state names looks like one hctr creates: an absolute, normalised
    /// path whose last component is <c>hctr-NAME</c> (the compiler names a container's cgroup <c>hctr-ID</c>; a plan
    /// run as written keeps its own name, so NAME need not be this container's id), in a state whose id is its
    /// directory's name. Destroying a cgroup SIGKILLs every process in it, so a state that names anything else (a
    /// controller's root, a systemd slice: corruption, a bug, a hand edit) is not acted on and stays for a human.
    /// </summary>
    internal static bool OwnCgroups(ContainerState state, string directoryName) =>
        state.Id == directoryName
        && state.CgroupDirectories.Concat(state.PendingCgroupDirectories).All(d =>
            Path.IsPathFullyQualified(d) && Path.GetFullPath(d) == d && !d.EndsWith('/')
            && PlanBinder.IsValidCgroupName(Path.GetFileName(d)));

    /// <summary>The container's state directory; an image rootfs is mounted at <c>rootfs</c> inside it.</summary>
    public string ContainerDir(string id) => Path.Combine(stateRoot, id);

    /// <summary>Runs <paramref name="plan"/> in the foreground under <paramref name="id"/>; fails if that id is in use.
    /// <paramref name="prepareRootfs"/>, when given, builds the root file system in the container's directory once
    /// it is claimed (so a concurrent CleanLeftovers leaves it alone); it is disposed when the run ends.</summary>
    public LaunchResult Run(string id, LaunchPlan plan, LaunchOptions options, Func<string, IDisposable>? prepareRootfs = null)
    {
        if (id.Length == 0 || id.Contains('/') || id.StartsWith('.'))
        {
            throw new ArgumentException($"invalid container name '{id}'", nameof(id));
        }

        CleanLeftovers();
        string dir = Path.Combine(stateRoot, id);
        Directory.CreateDirectory(stateRoot);
        try
        {
            Directory.CreateDirectory(dir);
            if (File.Exists(Path.Combine(dir, "state")))
            {
                throw new InvalidOperationException($"a container named '{id}' is running");
            }

            int self = Environment.ProcessId;
            ulong start = StartTime(self) ?? 0;
            WriteState(dir, new ContainerState(id, self, start, 0, []));
            IReadOnlyList<string> planned = [];
            var withState = options with
            {
                Cgroups = cgroups,
                OnCgroupsPlanned = dirs =>
                {
                    planned = dirs;
                    UpdateState(dir, new ContainerState(id, self, start, 0, []) { PendingCgroupDirectories = planned });
                },
                OnCreated = (pid, dirs) =>
                {
                    // The pending lines stay: each update only grows the file, so it is never truncated (a kill
                    // between the write and a truncation would leave a tail of the old text).
                    UpdateState(dir, new ContainerState(id, self, start, pid, dirs) { PendingCgroupDirectories = planned });
                    options.OnCreated?.Invoke(pid, dirs);
                },
            };
            using var rootfs = prepareRootfs?.Invoke(dir);
            return Launcher.Run(plan, withState);
        }
        finally
        {
            if (Directory.Exists(dir) && !IsOtherLive(dir) && (prepareRootfs is not null || !TryRemoveStateOnly(dir)))
            {
                if (prepareRootfs is not null)
                {
                    RootfsMounts.UnmountUnder(dir); // an image rootfs; a --rootfs run mounts nothing in hctr's namespace
                }

                if (RootfsMounts.MountPointsUnder(dir).Count == 0)
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
        }
    }

    /// <summary>
    /// A --rootfs run's directory holds its state file and nothing else: remove the file, then the directory with a
    /// plain rmdir, which refuses a directory that is not empty or is a mount point. False (nothing crossed, nothing
    /// lost): anything else is there, and the careful path (mount table, recursive delete) takes over.
    /// </summary>
    private static bool TryRemoveStateOnly(string dir)
    {
        try
        {
            var entries = new DirectoryInfo(dir).GetFileSystemInfos();
            if (entries.Length == 0 || entries.Any(e => e.Name is not ("state" or "state.tmp") || e is not FileInfo || e.LinkTarget is not null))
            {
                return false;
            }

            foreach (var e in entries)
            {
                e.Delete();
            }

            Directory.Delete(dir, recursive: false);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Write then rename: a reader sees no state or the whole of this one, never half of it. The file is created
    /// new (FileMode.CreateNew), not truncated: .NET's FileMode.Create truncates with ftruncate(0), after which
    /// ext4 (auto_da_alloc) allocates the file's blocks when it is closed; see <see cref="UpdateState"/>.
    /// </summary>
    private static void WriteState(string dir, ContainerState state)
    {
        string tmp = Path.Combine(dir, "state.tmp");
        File.Delete(tmp); // left by an hctr killed mid-write
        using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write))
        {
            fs.Write(System.Text.Encoding.UTF8.GetBytes(state.Serialize()));
        }

        File.Move(tmp, Path.Combine(dir, "state"), overwrite: false);
    }

    /// <summary>
    /// The state once the container exists, written over the first in place. The new text starts with the same
    /// lines (id, hctr pid and start time) and is longer, so a reader sees those lines whole whatever it catches;
    /// and a reader acts on a state only when its hctr is dead, when no write is under way. Not a rename over the
    /// old file: on ext4 (auto_da_alloc) that allocates blocks for the new file at once, and freeing them when
    /// the run ends costs a synchronous discard where the file system is mounted with <c>discard</c> (about
    /// 0.2-0.5 ms each on this project's VM, whose /run is not a tmpfs).
    /// </summary>
    private static void UpdateState(string dir, ContainerState state)
    {
        byte[] text = System.Text.Encoding.UTF8.GetBytes(state.Serialize());
        using var fs = new FileStream(Path.Combine(dir, "state"), FileMode.Open, FileAccess.Write);
        fs.Write(text);
        if (fs.Length > text.Length)
        {
            fs.SetLength(text.Length);
        }
    }

    private static bool IsOtherLive(string dir)
    {
        string file = Path.Combine(dir, "state");
        var state = File.Exists(file) ? ContainerState.TryParse(File.ReadAllText(file)) : null;
        return state is not null && state.HctrPid != Environment.ProcessId && IsAlive(state.HctrPid, state.HctrStartTime);
    }

    private static bool IsAlive(int pid, ulong startTime) => pid > 0 && StartTime(pid) == startTime;

    /// <summary>Field 22 of /proc/PID/stat (after the parenthesised comm), or null when the process is gone.</summary>
    internal static ulong? StartTime(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return ulong.Parse(f[19], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
