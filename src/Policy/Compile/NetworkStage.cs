using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;

namespace Hctr.Policy.Compile;

/// <summary>The run's network mode: the request's, which the profile must allow, else the profile's first mode.</summary>
internal static class NetworkStage
{
    public static NetworkPlan Build(CompileContext c)
    {
        var modes = c.Profile.Network.Modes;
        if (modes.IsDefaultOrEmpty)
        {
            // Fail closed: a profile that allows no mode gets no network at all.
            c.Diagnostics.Error(DiagnosticCodes.NetworkContradiction, c.Profile.Origin,
                "the profile allows no network mode", "spec.network.modes");
            return new NetworkPlan(NetworkMode.None, LoopbackUp: true, c.Profile.Origin);
        }

        if (c.Request.Network is not { } wanted)
        {
            return Plan(modes[0]);
        }

        foreach (var m in modes)
        {
            if (m.Value == wanted)
            {
                return Plan(m);
            }
        }

        c.Diagnostics.Error(DiagnosticCodes.RequestNotAllowed, modes[0].Origin,
            $"network mode '{Name(wanted)}' is not allowed by profile '{c.Profile.Name}'",
            "request.network", $"allowed: {string.Join(", ", modes.Select(m => Name(m.Value)))}");
        return Plan(modes[0]);
    }

    public static string Name(NetworkMode m) => m switch
    {
        NetworkMode.None => "none",
        NetworkMode.Bridge => "bridge",
        _ => "host",
    };

    // A new network namespace starts with lo down; the Sandbox brings it up. Host mode shares the host's.
    private static NetworkPlan Plan(Located<NetworkMode> m) => new(m.Value, LoopbackUp: m.Value != NetworkMode.Host, m.Origin);
}
