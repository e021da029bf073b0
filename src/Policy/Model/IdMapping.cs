using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Model;

public sealed record IdMapping(uint ContainerId, uint HostId, uint Size, SourceLocation Origin);
