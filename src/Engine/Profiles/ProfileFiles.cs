using System.Collections.Immutable;
using Hctr.Policy.Compile;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;
using Hctr.Policy.Plan;

namespace Hctr.Engine.Profiles;

/// <summary>Profile file on disk → LaunchPlan for one run: load (with extends), validate, compile.</summary>
public static class ProfileFiles
{
    public static (LaunchPlan? Plan, ImmutableArray<Diagnostic> Diagnostics) Compile(string path, LaunchRequest request, HostFacts host)
    {
        var loaded = ProfileLoader.Load(path, new FileProfileSource());
        if (loaded.Profile is not { } profile)
        {
            return (null, loaded.Diagnostics);
        }

        var compiled = PlanCompiler.Compile(profile, request, host);
        return (compiled.Plan, loaded.Diagnostics.AddRange(compiled.Diagnostics));
    }
}
