using Hctr.Policy.Diagnostics;

namespace Hctr.Policy.Model;

public sealed record PortRange(ushort First, ushort Last, SourceLocation Origin)
{
    public bool Contains(ushort port) => port >= First && port <= Last;

    public override string ToString() => First == Last ? $"{First}" : $"{First}-{Last}";
}
