using System.Collections.Immutable;

namespace Hctr.Policy.Model;

public sealed record FilesystemProfile(
    Located<bool> ReadOnlyRootfs,
    ImmutableArray<Located<string>> MaskedPaths,
    ImmutableArray<Located<string>> ReadOnlyPaths,
    ImmutableArray<TmpfsMount> Tmpfs,
    ImmutableArray<VolumeRule> Volumes,
    ImmutableArray<PathAccessRule> Access,
    Located<bool> AllowSetuid);
