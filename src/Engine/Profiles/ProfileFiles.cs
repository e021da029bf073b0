using System.Collections.Immutable;
using Hctr.Policy.Compile;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;
using Hctr.Policy.Model;
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
        var (profile, forRun, diagnostics) = LoadForRun(path, new FileProfileSource(), request, allocateAutoRange);
        if (profile is null)
        {
            return (null, diagnostics);
        }

        var compiled = PlanCompiler.Compile(profile, forRun, host);
        return (compiled.Plan, diagnostics.AddRange(compiled.Diagnostics));
    }

    /// <summary>
    /// Loads the profile (with extends) and, for <c>userNamespace: auto</c>, claims its host id range into the
    /// request. A profile with errors, or no free range (HCTR1608 at the userNamespace line), gives a null profile.
    /// </summary>
    internal static (SecurityProfile? Profile, LaunchRequest Request, ImmutableArray<Diagnostic> Diagnostics) LoadForRun(string path,
        IProfileSource source, LaunchRequest request, Func<uint, uint>? allocateAutoRange)
    {
        var loaded = ProfileLoader.Load(path, source);
        if (loaded.Profile is not { } profile)
        {
            return (null, request, loaded.Diagnostics);
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
                return (null, request, loaded.Diagnostics.Add(error));
            }
        }

        return (profile, request, loaded.Diagnostics);
    }
}
