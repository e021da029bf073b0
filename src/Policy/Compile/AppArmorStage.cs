using Hctr.Policy.AppArmor;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Plan;

namespace Hctr.Policy.Compile;

/// <summary>The AppArmor profile for the security profile; loaded only where the host has AppArmor.</summary>
internal static class AppArmorStage
{
    public static AppArmorPlan Build(CompileContext c)
    {
        var text = AppArmorProfileWriter.Write(c.Profile, c.Diagnostics);
        if (!c.Host.AppArmorEnabled)
        {
            c.Diagnostics.Warning(DiagnosticCodes.AppArmorUnavailable, c.Profile.Origin,
                "the host has no AppArmor: the generated profile is not loaded (file and raw AppArmor rules are not enforced by AppArmor)", "spec.apparmor");
        }

        return new AppArmorPlan(AppArmorProfileWriter.ProfileName(c.Profile), text, Load: c.Host.AppArmorEnabled);
    }
}
