using System.Globalization;
using System.Text;
using Hctr.Policy.Plan;
using Hctr.Sandbox.Interop;

namespace Hctr.Sandbox.Fs;

/// <summary>
/// The host-side mounts of a container's root file system, made in hctr's mount namespace before the launch (the
/// container's mount namespace is cloned from it and binds the result, see docs/sandbox.md) and removed after it.
/// <para>Overlay: the image layers are lower dirs, each first cloned as a detached mount (open_tree) and, when the
/// container has a user namespace, idmapped through a namespace with the container's maps, so a file that the
/// layer stores as uid 0 is root inside the container and the layer itself is never chowned. overlayfs takes the
/// detached mounts as <c>/proc/self/fd/N</c> paths (which also keeps the mount data short for many layers).</para>
/// </summary>
public static class RootfsMounts
{
    /// <summary>Mounts overlayfs on <paramref name="target"/>. <paramref name="lowerDirs"/> are top-most first.
    /// Empty <paramref name="maps"/>: no user namespace, the layers are used as they are.</summary>
    public static void MountOverlay(IReadOnlyList<string> lowerDirs, string upperDir, string workDir, string target, IdMapPlan maps)
    {
        if (lowerDirs.Count == 0)
        {
            throw new ArgumentException("overlay needs at least one lower dir", nameof(lowerDirs));
        }

        bool idmap = maps.Uid.Count > 0;
        using var userns = idmap ? IdmapNamespace.Create(maps) : null;
        var trees = new List<SafeFd>();
        try
        {
            var lowers = new List<string>();
            foreach (string dir in lowerDirs)
            {
                if (!idmap)
                {
                    lowers.Add(dir);
                    continue;
                }

                var tree = new SafeFd(Errno.Check(MountApiCalls.OpenTreeClone(dir), "open_tree", dir));
                trees.Add(tree);
                Errno.Check(MountApiCalls.SetIdmap(tree.Fd, userns!.Fd), "mount_setattr(MOUNT_ATTR_IDMAP)", dir);
                lowers.Add($"/proc/self/fd/{tree.Fd.ToString(CultureInfo.InvariantCulture)}");
            }

            if (lowers.Any(l => l.Contains(',') || l.Contains(':')))
            {
                throw new SyscallException("mount overlay", Errno.EINVAL, "a lower dir path contains ',' or ':'");
            }

            string data = $"lowerdir={string.Join(':', lowers)},upperdir={upperDir},workdir={workDir}";
            Errno.Check(MountCalls.mount("overlay", target, "overlay", MountCalls.MS_NODEV, data), "mount overlay", target);
        }
        finally
        {
            // overlayfs holds its own references to the layers; the detached trees go away with their fds.
            trees.ForEach(t => t.Dispose());
        }
    }

    /// <summary>Mount points at or below <paramref name="dir"/> in hctr's mount namespace, deepest first.</summary>
    public static IReadOnlyList<string> MountPointsUnder(string dir)
    {
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
        var found = new List<string>();
        foreach (string line in File.ReadAllLines("/proc/self/mountinfo"))
        {
            string[] fields = line.Split(' ');
            if (fields.Length < 5)
            {
                continue;
            }

            string point = Unescape(fields[4]);
            if (point == root || point.StartsWith(root + "/", StringComparison.Ordinal))
            {
                found.Add(point);
            }
        }

        return [.. found.Distinct().OrderByDescending(p => p.Length)];
    }

    /// <summary>Lazily unmounts everything mounted at or below <paramref name="dir"/> (repeatedly, for stacked
    /// mounts). Returns the number of unmounts; throws when something stays mounted.</summary>
    public static int UnmountUnder(string dir)
    {
        int count = 0;
        for (int round = 0; round < 64; round++)
        {
            var points = MountPointsUnder(dir);
            if (points.Count == 0)
            {
                return count;
            }

            foreach (string point in points)
            {
                if (MountCalls.umount2(point, MountCalls.MNT_DETACH) == 0)
                {
                    count++;
                }
                else if (Errno.Last is not (Errno.EINVAL or Errno.ENOENT))
                {
                    throw new SyscallException("umount2", Errno.Last, point);
                }
            }
        }

        throw new SyscallException("umount2", Errno.EBUSY, dir);
    }

    /// <summary>mountinfo escapes space, tab, newline and backslash as \ooo.</summary>
    private static string Unescape(string field)
    {
        if (!field.Contains('\\'))
        {
            return field;
        }

        var sb = new StringBuilder();
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length
                && int.TryParse(field.AsSpan(i + 1, 3), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                sb.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                sb.Append(field[i]);
            }
        }

        return sb.ToString();
    }
}
