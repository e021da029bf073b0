namespace Hctr.Policy.Plan;

public sealed record IdMapEntry(uint ContainerId, uint HostId, uint Size);
