using System.Text;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;

namespace Hctr.Policy.AppArmor;

/// <summary>
/// File rules from filesystem.access, plus the paths the profile itself makes writable (tmpfs mounts, volume
/// targets with their allowed modes, /dev/shm, /dev/pts, /dev/mqueue, device nodes). Each path P becomes
/// <c>P{,/**} perms,</c>: read → r, write → w and l, read or write → k, execute → m and ix. Rules are grants
/// (union over ancestors, like Landlock); a read-only rule whose subtree no rule makes writable also gets an
/// explicit <c>deny ... w</c> so the abstractions cannot open writes there. Without access rules every file is
/// allowed (<c>file,</c>, as docker-default), confined by DAC, the mounts and Landlock.
/// </summary>
internal static class AppArmorFileRules
{
    public static void Write(StringBuilder w, SecurityProfile profile, DiagnosticBag diagnostics)
    {
        var fs = profile.Filesystem;
        if (fs.Access.IsDefaultOrEmpty)
        {
            w.Append("  # Files: no access rules in the profile, so all files (DAC, mounts and read-only paths still apply).\n");
            w.Append("  file,\n\n");
            return;
        }

        var grants = Collect(profile, diagnostics);
        w.Append("  # Files: grants from filesystem.access and the paths the profile makes writable.\n");
        foreach (var (path, access) in grants)
        {
            w.Append("  ").Append(Pattern(path)).Append(' ').Append(Perms(access)).Append(",\n");
        }

        foreach (var (path, access) in grants)
        {
            if (!access.HasFlag(Model.FileAccess.Write) && !grants.Any(g => g.Value.HasFlag(Model.FileAccess.Write) && Related(g.Key, path)))
            {
                w.Append("  deny ").Append(Pattern(path)).Append(" wl,\n");
            }
        }

        w.Append('\n');
    }

    private static SortedDictionary<string, Model.FileAccess> Collect(SecurityProfile profile, DiagnosticBag diagnostics)
    {
        var grants = new SortedDictionary<string, Model.FileAccess>(StringComparer.Ordinal);
        void Grant(string raw, Model.FileAccess a, SourceLocation at)
        {
            if (!Compile.ContainerPath.TryNormalize(raw, out var p) || p.Contains('"'))
            {
                diagnostics.Error(DiagnosticCodes.BadPath, at, $"path '{raw}' must be absolute without '..' or quotes", "spec.filesystem");
                return;
            }

            if (a != Model.FileAccess.None)
            {
                grants[p] = grants.GetValueOrDefault(p) | a;
            }
        }

        const Model.FileAccess rw = Model.FileAccess.Read | Model.FileAccess.Write;
        foreach (var r in profile.Filesystem.Access)
        {
            Grant(r.Path, r.Access, r.Origin);
        }

        foreach (var t in profile.Filesystem.Tmpfs)
        {
            Grant(t.Path, rw, t.Origin);
        }

        foreach (var v in profile.Filesystem.Volumes)
        {
            Grant(v.Target, v.Modes.Contains(VolumeMode.ReadWrite) ? rw : Model.FileAccess.Read, v.Origin);
        }

        foreach (var p in new[] { "/dev/shm", "/dev/pts", "/dev/mqueue" })
        {
            Grant(p, rw, profile.Origin);
        }

        foreach (var d in Compile.DefaultDevices.Nodes)
        {
            Grant(d.Path, rw, profile.Origin);
        }

        foreach (var d in profile.Devices)
        {
            var a = (d.Access.Contains('r') ? Model.FileAccess.Read : 0) | (d.Access.Contains('w') ? Model.FileAccess.Write : 0);
            Grant(d.Path, a, d.Origin);
        }

        return grants;
    }

    private static bool Related(string a, string b) =>
        Compile.ContainerPath.IsAtOrBeneath(a, b) || Compile.ContainerPath.IsAtOrBeneath(b, a);

    /// <summary>"P{,/**}" for P and everything beneath; glob metacharacters in the path are escaped.</summary>
    internal static string Pattern(string path)
    {
        var sb = new StringBuilder();
        foreach (var ch in path == "/" ? "" : path)
        {
            if (ch is '*' or '?' or '[' or ']' or '{' or '}' or '^' or '@' or '\\' or ',')
            {
                sb.Append('\\');
            }

            sb.Append(ch);
        }

        var p = path == "/" ? "/{,**}" : sb + "{,/**}";
        return p.Any(char.IsWhiteSpace) ? "\"" + p + "\"" : p;
    }

    internal static string Perms(Model.FileAccess a)
    {
        var sb = new StringBuilder();
        if (a.HasFlag(Model.FileAccess.Read))
        {
            sb.Append('r');
        }

        if (a.HasFlag(Model.FileAccess.Write))
        {
            sb.Append("wl");
        }

        if ((a & (Model.FileAccess.Read | Model.FileAccess.Write)) != 0)
        {
            sb.Append('k');
        }

        if (a.HasFlag(Model.FileAccess.Execute))
        {
            sb.Append("mix");
        }

        return sb.ToString();
    }
}
