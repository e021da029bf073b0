using Hctr.Policy.Plan;

namespace Hctr.Engine.Images.Unpack;

/// <summary>A user namespace's id maps applied to tar ownership: container id → host id; ids the maps do not cover
/// become the overflow id 65534 (what the container would see for them anyway).</summary>
public sealed record OwnerMap(IReadOnlyList<IdMapEntry> Uid, IReadOnlyList<IdMapEntry> Gid)
{
    private const uint Overflow = 65534;

    public uint MapUid(uint id) => Map(Uid, id);

    public uint MapGid(uint id) => Map(Gid, id);

    private static uint Map(IReadOnlyList<IdMapEntry> entries, uint id)
    {
        foreach (var e in entries)
        {
            if (id >= e.ContainerId && id - e.ContainerId < e.Size) return e.HostId + (id - e.ContainerId);
        }
        return Overflow;
    }
}
