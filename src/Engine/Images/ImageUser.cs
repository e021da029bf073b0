using System.Globalization;
using System.Text;
using Hctr.Engine.Images.Registry;
using Hctr.Engine.Images.Store;
using Hctr.Sandbox.Fs;

namespace Hctr.Engine.Images;

/// <summary>
/// The container user from an image's <c>User</c> (or <c>-u</c>): <c>uid</c>, <c>uid:gid</c>, <c>name</c>,
/// <c>name:group</c> or <c>uid:group</c>, as docker reads it. Names resolve through the image's own
/// <c>/etc/passwd</c> and <c>/etc/group</c>, read from the layer cache top layer first through <see cref="RootedFs"/>
/// (a symlinked <c>/etc/passwd</c> resolves inside that layer, never on the host); a whiteout hides the file.
/// </summary>
public sealed record ImageUser(uint Uid, uint Gid, string? Home)
{
    private const int MaxFileBytes = 4 << 20;

    /// <summary>Null <paramref name="error"/> on success; an unknown name or a malformed spec is an error.</summary>
    public static ImageUser? TryResolve(string spec, ContentStore store, ImageManifest manifest, out string? error)
    {
        error = null;
        if (spec.Length == 0) return new ImageUser(0, 0, null);
        string[] parts = spec.Split(':', 2);
        string user = parts[0], group = parts.Length == 2 ? parts[1] : "";
        if (user.Length == 0 || (parts.Length == 2 && group.Length == 0))
        {
            error = $"user '{spec}' is not USER[:GROUP]";
            return null;
        }

        uint uid, gid = 0;
        string? home = null;
        var passwd = Lazy(store, manifest, "etc/passwd");
        if (uint.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out uid))
        {
            var entry = Entries(passwd()).FirstOrDefault(e => e.Length > 3 && e[2] == user);
            if (entry is not null && uint.TryParse(entry[3], NumberStyles.None, CultureInfo.InvariantCulture, out uint g)) gid = g;
            home = entry is { Length: > 5 } ? entry[5] : null;
        }
        else
        {
            var entry = Entries(passwd()).FirstOrDefault(e => e[0] == user);
            if (entry is null || entry.Length < 4 || !uint.TryParse(entry[2], NumberStyles.None, CultureInfo.InvariantCulture, out uid)
                || !uint.TryParse(entry[3], NumberStyles.None, CultureInfo.InvariantCulture, out gid))
            {
                error = $"user '{user}' is not in the image's /etc/passwd";
                return null;
            }
            home = entry.Length > 5 ? entry[5] : null;
        }

        if (group.Length > 0 && !uint.TryParse(group, NumberStyles.None, CultureInfo.InvariantCulture, out gid))
        {
            var entry = Entries(Lazy(store, manifest, "etc/group")()).FirstOrDefault(e => e[0] == group);
            if (entry is null || entry.Length < 3 || !uint.TryParse(entry[2], NumberStyles.None, CultureInfo.InvariantCulture, out gid))
            {
                error = $"group '{group}' is not in the image's /etc/group";
                return null;
            }
        }

        return new ImageUser(uid, gid, string.IsNullOrEmpty(home) ? null : home);
    }

    private static Func<byte[]?> Lazy(ContentStore store, ImageManifest manifest, string path)
    {
        byte[]? cached = null;
        bool done = false;
        return () =>
        {
            if (!done) (cached, done) = (ReadFromLayers(store, manifest, path), true);
            return cached;
        };
    }

    /// <summary>The file as the merged image shows it: the top-most layer that has it (or whites it out) decides.</summary>
    internal static byte[]? ReadFromLayers(ContentStore store, ImageManifest manifest, string path)
    {
        for (int i = manifest.Layers.Count - 1; i >= 0; i--)
        {
            string dir = store.LayerPath(manifest.Layers[i].Digest);
            if (!Directory.Exists(dir)) continue;
            using var fs = RootedFs.Open(dir);
            switch (fs.GetKind(path))
            {
                case FsEntryKind.None:
                    continue;
                case FsEntryKind.Regular or FsEntryKind.Symlink:
                    return fs.TryReadFile(path, MaxFileBytes);
                default:
                    return null; // an overlay whiteout (0/0 char device) or something that is not a file
            }
        }
        return null;
    }

    private static IEnumerable<string[]> Entries(byte[]? file) =>
        file is null ? [] : Encoding.UTF8.GetString(file).Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split(':'));
}
