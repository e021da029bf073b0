using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;

namespace Hctr.Policy.Explain;

/// <summary>Network modes and the TCP ports Landlock lets the workload bind and connect to.</summary>
internal static class NetworkSection
{
    public static ExplainSection Build(ExplainContext c)
    {
        var n = c.Profile.Network;
        var modes = string.Join(", ", n.Modes.Select(m => Mode(m.Value)));
        c.Item($"modes: {modes} (the first is the default)", n.Modes.IsEmpty ? c.Profile.Origin : n.Modes[0].Origin);
        foreach (var m in n.Modes.Where(m => m.Value == NetworkMode.Host))
        {
            c.Risk(RiskLevel.High, "network mode host: the container shares the host's network stack", m.Origin);
        }

        if (n.Modes.All(m => m.Value == NetworkMode.None))
        {
            c.Item("no network: only a loopback interface", n.Modes.IsEmpty ? c.Profile.Origin : n.Modes[0].Origin);
        }

        Ports(c, "bind", "may listen on", n.TcpBind);
        Ports(c, "connect", "may connect to", n.TcpConnect);
        return c.Section("Network");
    }

    private static void Ports(ExplainContext c, string what, string verb, System.Collections.Immutable.ImmutableArray<PortRange> ports)
    {
        if (ports.IsEmpty)
        {
            c.Item($"TCP {what}: none (denied by Landlock)", SourceLocation.None);
            return;
        }

        foreach (var p in ports)
        {
            var all = p.First == 0 && p.Last == 65535;
            c.Item($"TCP {what}: {verb} {(all ? "any port" : p.First == p.Last ? $"port {p}" : $"ports {p}")}", p.Origin);
            if (all)
            {
                c.Risk(RiskLevel.Low, $"TCP {what} is allowed on every port", p.Origin);
            }
        }
    }

    private static string Mode(NetworkMode m) => m switch
    {
        NetworkMode.None => "none",
        NetworkMode.Bridge => "bridge",
        NetworkMode.Host => "host",
        _ => m.ToString(),
    };
}
