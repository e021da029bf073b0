using System.Collections.Immutable;

namespace Hctr.Policy.Loading;

/// <summary>
/// Merges a child layer over its base (documented in docs/profile-format.md, "extends"):
/// scalars and most lists: the child's value replaces the base's when the child sets it;
/// seccomp rules: the child's come first (they take precedence), then the base's;
/// seccomp groups, rlimits and sysctls: merged by name, the child's entry wins;
/// masked and read-only paths, AppArmor rules: union (a child can only add to them);
/// tmpfs mounts: merged by path, the child's entry wins.
/// Whether the result is narrower than the base is checked afterwards on the effective profiles
/// (<see cref="WideningCheck"/>).
/// </summary>
internal static class ProfileMerger
{
    public static ProfileLayer Merge(ProfileLayer child, ProfileLayer parent) => new()
    {
        Source = child.Source,
        Name = child.Name,
        Description = child.Description ?? parent.Description,
        Extends = child.Extends,
        Widen = child.Widen.AddRange(parent.Widen),
        CapAdd = child.CapAdd ?? parent.CapAdd,
        NoNewPrivileges = child.NoNewPrivileges ?? parent.NoNewPrivileges,
        UsernsMode = child.UsernsMode ?? parent.UsernsMode,
        UsernsSize = child.UsernsSize ?? parent.UsernsSize,
        UidMappings = child.UidMappings ?? parent.UidMappings,
        GidMappings = child.GidMappings ?? parent.GidMappings,
        AllowHostRootUnsafe = child.AllowHostRootUnsafe ?? parent.AllowHostRootUnsafe,
        SeccompSection = child.SeccompSection ?? parent.SeccompSection,
        DefaultAction = child.DefaultAction ?? parent.DefaultAction,
        UnknownAction = child.UnknownAction ?? parent.UnknownAction,
        Architectures = child.Architectures ?? parent.Architectures,
        Groups = parent.Groups.SetItems(child.Groups),
        Rules = child.Rules is null ? parent.Rules : parent.Rules is null ? child.Rules : child.Rules.Value.AddRange(parent.Rules.Value),
        ReadOnlyRootfs = child.ReadOnlyRootfs ?? parent.ReadOnlyRootfs,
        MaskedPaths = Union(child.MaskedPaths, parent.MaskedPaths, p => p.Value),
        ReadOnlyPaths = Union(child.ReadOnlyPaths, parent.ReadOnlyPaths, p => p.Value),
        Tmpfs = Union(child.Tmpfs, parent.Tmpfs, t => t.Path),
        Volumes = child.Volumes ?? parent.Volumes,
        Access = child.Access ?? parent.Access,
        AllowSetuid = child.AllowSetuid ?? parent.AllowSetuid,
        NetworkModes = child.NetworkModes ?? parent.NetworkModes,
        TcpBind = child.TcpBind ?? parent.TcpBind,
        TcpConnect = child.TcpConnect ?? parent.TcpConnect,
        Memory = child.Memory ?? parent.Memory,
        Pids = child.Pids ?? parent.Pids,
        Cpu = child.Cpu ?? parent.Cpu,
        Rlimits = Union(child.Rlimits, parent.Rlimits, r => r.Name),
        Sysctls = Union(child.Sysctls, parent.Sysctls, s => s.Key),
        Devices = child.Devices ?? parent.Devices,
        AppArmorRules = Union(child.AppArmorRules, parent.AppArmorRules, r => r.Value),
    };

    /// <summary>Child entries first; a base entry is kept unless the child has one with the same key.</summary>
    private static ImmutableArray<T>? Union<T>(ImmutableArray<T>? child, ImmutableArray<T>? parent, Func<T, string> key)
    {
        if (child is null || parent is null)
        {
            return child ?? parent;
        }

        var seen = child.Value.Select(key).ToHashSet(StringComparer.Ordinal);
        return child.Value.AddRange(parent.Value.Where(p => !seen.Contains(key(p))));
    }
}
