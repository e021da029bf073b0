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
    public static (LaunchPlan? Plan, ImmutableArray<Diagnostic> Diagnostics) Compile(string path, LaunchRequest request, HostFacts host) =>
        Compile(path, request, host, null);

    /// <summary>
    /// <paramref name="allocateAutoRange"/> gets the profile's auto range size and returns the first host id of
    /// a range reserved for this container (Engine's <c>IdRangeAllocator</c>); null keeps the request's value.
    /// </summary>
    public static (LaunchPlan? Plan, ImmutableArray<Diagnostic> Diagnostics) Compile(string path, LaunchRequest request, HostFacts host,
        Func<uint, uint>? allocateAutoRange)
    {
        var loaded = ProfileLoader.Load(path, new FileProfileSource());
        if (loaded.Profile is not { } profile)
        {
            return (null, loaded.Diagnostics);
        }

        if (allocateAutoRange is not null && profile.UserNamespace.Mode.Value == Policy.Model.UserNamespaceMode.Auto)
        {
            try
            {
                request = request with { AutoIdRangeStart = allocateAutoRange(profile.UserNamespace.Size) };
            }
            catch (Containers.IdRangeException e)
            {
                var error = new Diagnostic(Severity.Error, DiagnosticCodes.NoHostIdRange, e.Message, profile.UserNamespace.Mode.Origin, "spec.userNamespace", e.Hint);
                return (null, loaded.Diagnostics.Add(error));
            }
        }

        var compiled = PlanCompiler.Compile(profile, request, host);
        return (compiled.Plan, loaded.Diagnostics.AddRange(compiled.Diagnostics));
    }
}
