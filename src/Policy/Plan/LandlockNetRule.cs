using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Plan;

/// <summary>LANDLOCK_RULE_NET_PORT; Access is LANDLOCK_ACCESS_NET_BIND_TCP (1) and/or CONNECT_TCP (2).</summary>
public sealed record LandlockNetRule(ushort Port, ulong Access, SourceLocation Origin);
