using Hctr.Policy.Capabilities;
using Hctr.Policy.Plan;

namespace Hctr.Policy.Compile;

/// <summary>
/// Drop everything, then grant <c>add</c> into bounding, permitted, inheritable and effective. Ambient gets
/// the same set when the process is not uid 0: without ambient, execve by a non-root user clears permitted
/// and effective, and the process never holds what the profile granted (Docker's long-standing bug).
/// For uid 0 execve recomputes permitted from the bounding set, so ambient stays empty.
/// </summary>
internal static class CapabilityStage
{
    public static CapabilityPlan Build(CompileContext c)
    {
        var add = c.Profile.Capabilities.Add;
        var caps = add.Select(a => a.Value).Distinct().Order().ToList();
        var mask = CapabilityNames.Mask(caps);
        var ambient = c.Request.Uid != 0 ? mask : 0;
        var origin = add.IsDefaultOrEmpty ? c.Profile.Origin : add[0].Origin;
        return new CapabilityPlan(mask, mask, mask, mask, ambient, [.. caps.Select(CapabilityNames.Name)], origin);
    }
}
