using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;
using static Hctr.Policy.Compile.MountFlags;

namespace Hctr.Policy.Compile;

/// <summary>
/// The request's volumes. Each target must equal a profile volume rule's target and use a mode the rule
/// allows; anything else is refused (fail closed). Volumes are recursive binds, always nodev, nosuid unless
/// the profile allows setuid, and read-only for ro.
/// </summary>
internal static class VolumeStage
{
    public static void Add(CompileContext c, List<MountStep> steps)
    {
        var rules = new Dictionary<string, VolumeRule>(StringComparer.Ordinal);
        foreach (var r in c.Profile.Filesystem.Volumes)
        {
            if (ContainerPath.TryNormalize(r.Target, out var t))
            {
                rules.TryAdd(t, r);
            }
        }

        var targets = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < c.Request.Volumes.Length; i++)
        {
            var v = c.Request.Volumes[i];
            var field = $"request.volumes[{i}]";
            if (!ContainerPath.TryNormalize(v.Target, out var target) || target == "/")
            {
                c.Diagnostics.Error(DiagnosticCodes.BadLaunchRequest, c.Profile.Origin, $"volume target '{v.Target}' must be an absolute path other than '/', without '..'", field);
                continue;
            }

            if (string.IsNullOrEmpty(v.Source) || v.Source[0] != '/' || v.Source.Contains('\0'))
            {
                c.Diagnostics.Error(DiagnosticCodes.BadLaunchRequest, c.Profile.Origin, $"volume source '{v.Source}' must be an absolute host path", field);
                continue;
            }

            if (!targets.Add(target))
            {
                c.Diagnostics.Error(DiagnosticCodes.BadLaunchRequest, c.Profile.Origin, $"two volumes target '{target}'", field);
                continue;
            }

            if (!rules.TryGetValue(target, out var rule))
            {
                c.Diagnostics.Error(DiagnosticCodes.RequestNotAllowed, c.Profile.Origin,
                    $"profile '{c.Profile.Name}' allows no volume at '{target}'", field,
                    rules.Count == 0 ? "the profile allows no volumes" : "allowed targets: " + string.Join(", ", rules.Keys.Order(StringComparer.Ordinal)));
                continue;
            }

            if (!rule.Modes.Contains(v.Mode))
            {
                c.Diagnostics.Error(DiagnosticCodes.RequestNotAllowed, rule.Origin,
                    $"volume at '{target}' may not be mounted {ModeName(v.Mode)}", field,
                    "allowed: " + string.Join(", ", rule.Modes.Select(ModeName)));
                continue;
            }

            var flags = Bind | Rec | NoDev;
            flags |= c.Profile.Filesystem.AllowSetuid.Value ? 0 : NoSuid;
            flags |= v.Mode == VolumeMode.ReadOnly ? ReadOnly : 0;
            steps.Add(new MountStep(v.Source, target, "none", flags, "", MountTargetKind.Directory, rule.Origin));
        }
    }

    public static string ModeName(VolumeMode m) => m == VolumeMode.ReadOnly ? "ro" : "rw";
}
