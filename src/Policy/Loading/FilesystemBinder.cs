using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Yaml;
using static Hctr.Policy.Loading.NodeReader;
using FileAccess = Hctr.Policy.Model.FileAccess;

namespace Hctr.Policy.Loading;

internal static class FilesystemBinder
{
    public static ProfileLayer Bind(ProfileLayer layer, YMapping? f, DiagnosticBag d)
    {
        if (f is null)
        {
            return layer;
        }

        return layer with
        {
            ReadOnlyRootfs = Bool(f, "readOnlyRootfs"),
            AllowSetuid = Bool(f, "allowSetuid"),
            MaskedPaths = Paths(Strings(f, "maskedPaths"), "maskedPaths", d),
            ReadOnlyPaths = Paths(Strings(f, "readOnlyPaths"), "readOnlyPaths", d),
            Tmpfs = Has(f, "tmpfs") ? [.. Items(f, "tmpfs").OfType<YMapping>().Select(t => Tmpfs(t, d))] : null,
            Volumes = Has(f, "volumes") ? [.. Items(f, "volumes").OfType<YMapping>().Select(v => Volume(v, d))] : null,
            Access = Has(f, "access") ? [.. Items(f, "access").OfType<YMapping>().Select(a => Access(a, d))] : null,
        };
    }

    /// <summary>Container paths must be absolute and normal: no "..", ".", "//" or trailing slash.</summary>
    public static bool CheckPath(string path, SourceLocation at, string field, DiagnosticBag d)
    {
        var ok = path.StartsWith('/') && !path.Contains('\0', StringComparison.Ordinal)
            && (path == "/" || (!path.EndsWith('/') && !path.Contains("//", StringComparison.Ordinal)
                && !path.Split('/').Skip(1).Any(s => s is "." or "..")));
        if (!ok)
        {
            d.Error(DiagnosticCodes.BadPath, at, $"'{path}' is not a normal absolute container path", field,
                "write it absolute, without '.', '..', '//' or a trailing '/'");
        }

        return ok;
    }

    private static ImmutableArray<Located<string>>? Paths(ImmutableArray<Located<string>>? paths, string field, DiagnosticBag d)
    {
        if (paths is null)
        {
            return null;
        }

        foreach (var p in paths.Value)
        {
            CheckPath(p.Value, p.Origin, "spec.filesystem." + field, d);
        }

        return paths;
    }

    private static TmpfsMount Tmpfs(YMapping t, DiagnosticBag d)
    {
        var path = Scalar(t, "path")!;
        CheckPath(path.Value, path.Location, "spec.filesystem.tmpfs.path", d);
        ulong? size = null;
        if (Scalar(t, "size") is { } s)
        {
            if (TryQuantity(s.Value, out var bytes) && bytes > 0)
            {
                size = bytes;
            }
            else
            {
                d.Error(DiagnosticCodes.BadQuantity, s.Location, $"'{s.Value}' is not a size", "spec.filesystem.tmpfs.size", "write 64Mi or 1Gi");
            }
        }

        uint mode = 1023; // 01777
        if (Scalar(t, "mode") is { } m && !TryOctal(m.Value, out mode))
        {
            d.Error(DiagnosticCodes.SchemaValue, m.Location, $"'{m.Value}' is not an octal mode", "spec.filesystem.tmpfs.mode");
        }

        var options = Strings(t, "options")?.Select(o => o.Value).ToImmutableArray() ?? ["nosuid", "nodev", "noexec"];
        if (options.Contains("exec") && options.Contains("noexec"))
        {
            d.Error(DiagnosticCodes.ConflictingPath, t.Location, "tmpfs options 'exec' and 'noexec' contradict each other", "spec.filesystem.tmpfs.options");
        }

        return new TmpfsMount(path.Value, size, mode, options, t.Location);
    }

    private static VolumeRule Volume(YMapping v, DiagnosticBag d)
    {
        var target = Scalar(v, "target")!;
        CheckPath(target.Value, target.Location, "spec.filesystem.volumes.target", d);
        var modes = Strings(v, "modes")?.Select(m => m.Value == "rw" ? VolumeMode.ReadWrite : VolumeMode.ReadOnly).ToImmutableArray()
            ?? [VolumeMode.ReadOnly];
        return new VolumeRule(target.Value, modes, v.Location);
    }

    private static PathAccessRule Access(YMapping a, DiagnosticBag d)
    {
        var path = Scalar(a, "path")!;
        CheckPath(path.Value, path.Location, "spec.filesystem.access.path", d);
        var access = FileAccess.None;
        foreach (var x in Strings(a, "allow") ?? [])
        {
            access |= x.Value switch { "read" => FileAccess.Read, "write" => FileAccess.Write, "execute" => FileAccess.Execute, _ => FileAccess.None };
        }

        return new PathAccessRule(path.Value, access, a.Location);
    }
}
