using System.Collections.Immutable;

namespace Hctr.Policy.Model;

/// <summary>
/// <see cref="Size"/> is the range allocated in Auto mode. In Map mode the maps are used as written.
/// <see cref="AllowHostRootUnsafe"/> must be set for any map that sends container id 0 to host id 0.
/// </summary>
public sealed record UserNamespaceProfile(
    Located<UserNamespaceMode> Mode,
    uint Size,
    ImmutableArray<IdMapping> UidMappings,
    ImmutableArray<IdMapping> GidMappings,
    Located<bool> AllowHostRootUnsafe);
