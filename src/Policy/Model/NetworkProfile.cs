using System.Collections.Immutable;

namespace Hctr.Policy.Model;

/// <summary>
/// <see cref="Modes"/>: the network modes a run may choose; the first is the default.
/// TCP bind/connect ports compile to Landlock network rules and AppArmor network rules; empty denies all.
/// </summary>
public sealed record NetworkProfile(
    ImmutableArray<Located<NetworkMode>> Modes,
    ImmutableArray<PortRange> TcpBind,
    ImmutableArray<PortRange> TcpConnect);
