using Hctr.Policy.Capabilities;
using Hctr.Policy.Compile;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;

namespace Hctr.Policy.Oci;

/// <summary>
/// What an OCI runtime would enforce more weakly than hctr, found before anything is written.
/// Landlock rules (filesystem.access, TCP ports) have no OCI field: each one is listed, as an error unless
/// the caller passed <see cref="OciEmitOptions.OmitLandlockUnsafe"/>. hctr's own Landlock scopes (abstract
/// unix sockets, signals) are hardening beyond the profile and are not counted.
/// </summary>
internal static class OciLossCheck
{
    public static void Run(SecurityProfile profile, LaunchPlan plan, OciEmitOptions options, DiagnosticBag d)
    {
        var omit = options.HasFlag(OciEmitOptions.OmitLandlockUnsafe);
        void Lost(SourceLocation at, string what, string field)
        {
            var msg = $"OCI has no Landlock: {what} would not be enforced by runc or crun";
            if (omit)
            {
                d.Warning(DiagnosticCodes.OciInexpressible, at, msg + " (omitted: OmitLandlockUnsafe)", field);
            }
            else
            {
                d.Error(DiagnosticCodes.OciInexpressible, at, msg, field, "pass the explicit unsafe switch to emit without it");
            }
        }

        // A rule granting read, write and execute beneath "/" leaves Landlock nothing to deny: nothing is lost.
        var unrestricted = profile.Filesystem.Access.Any(r => r.Path == "/" && r.Access == (Model.FileAccess.Read | Model.FileAccess.Write | Model.FileAccess.Execute));
        foreach (var r in unrestricted ? [] : profile.Filesystem.Access)
        {
            Lost(r.Origin, $"access rule for '{r.Path}'", "spec.filesystem.access");
        }

        // With network mode none on every run, the namespace (which OCI carries) already cuts every path out of
        // the container; the port rules then only police loopback inside it. Say so, but do not fail.
        var loopbackOnly = profile.Network.Modes.All(m => m.Value == NetworkMode.None);
        void LostPorts(SourceLocation at, string what, string field)
        {
            if (loopbackOnly)
            {
                d.Warning(DiagnosticCodes.OciInexpressible, at, $"OCI has no Landlock: {what} is not enforced on loopback inside the container (network mode none)", field);
            }
            else
            {
                Lost(at, what, field);
            }
        }

        CheckPorts(profile.Network.TcpBind, "TCP bind", "spec.network.tcpBind", profile, LostPorts);
        CheckPorts(profile.Network.TcpConnect, "TCP connect", "spec.network.tcpConnect", profile, LostPorts);

        if (plan.IdMaps.DenySetgroups)
        {
            d.Error(DiagnosticCodes.OciInexpressible, plan.IdMaps.Origin, "OCI cannot ask for setgroups 'deny' (runc writes it only when rootless)", "spec.userNamespace");
        }

        const ulong mknod = 1UL << (int)Capability.Mknod;
        if (plan.IdMaps.Uid.Count == 0 && (plan.Capabilities.Bounding & mknod) != 0)
        {
            d.Error(DiagnosticCodes.OciInexpressible, plan.Capabilities.Origin,
                "without a user namespace CAP_MKNOD meets runc's built-in device allowlist (c *:* m, b *:* m, /dev/net/tun), wider than this profile's devices",
                "spec.capabilities");
        }

        if (profile.Resources.Cpu?.Weight is { } w && CpuMath.SharesToWeight(CpuMath.WeightToShares(w)) != Math.Clamp(w, 1, 10_000))
        {
            d.Warning(DiagnosticCodes.OciInexpressible, profile.Resources.Cpu.Origin,
                $"cpu weight {w} becomes {CpuMath.SharesToWeight(CpuMath.WeightToShares(w))} through OCI cpu.shares on cgroup v2 (a scheduling share, not a limit)",
                "spec.resources.cpu.weight");
        }
    }

    private static void CheckPorts(IEnumerable<PortRange> ranges, string what, string field, SecurityProfile profile, Action<SourceLocation, string, string> lost)
    {
        var list = ranges.ToList();
        if (LandlockStage.CoversAllPorts(list))
        {
            return;
        }

        var at = list.Count > 0 ? list[0].Origin : profile.Origin;
        var allowed = list.Count == 0 ? "none" : string.Join(", ", list);
        lost(at, $"{what} port restriction (allowed: {allowed})", field);
    }
}
