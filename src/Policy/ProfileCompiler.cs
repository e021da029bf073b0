using System.Collections.Immutable;
using System.Text;
using Hctr.Policy.Compile;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;
using Hctr.Policy.Oci;
using Hctr.Policy.Plan;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy;

/// <summary>
/// Policy's façade: loaded profile in, artifacts out. Pure: the caller loads the profile (with an
/// <see cref="IProfileSource"/>) and supplies host facts.
/// </summary>
public static partial class ProfileCompiler
{
    public static readonly ImmutableArray<string> EmitKinds = ["seccomp-bpf", "seccomp-asm", "oci", "apparmor", "landlock", "plan"];

    public static EmitResult Emit(string kind, ProfileLoadResult loaded, HostFacts host, OciEmitOptions ociOptions = OciEmitOptions.None)
    {
        var d = new DiagnosticBag();
        if (loaded.Profile is not { } profile)
        {
            return new EmitResult(null, loaded.Diagnostics);
        }

        byte[]? bytes = null;
        switch (kind)
        {
            case "seccomp-bpf":
                bytes = SeccompStage.Program(profile.Seccomp, host, d)?.ToBytes();
                break;
            case "seccomp-asm":
                bytes = SeccompStage.Program(profile.Seccomp, host, d) is { } p ? Encoding.UTF8.GetBytes(BpfDisassembler.Disassemble(p)) : null;
                break;
            default:
                bytes = EmitFromPlan(kind, loaded, host, ociOptions, d);
                break;
        }

        return new EmitResult(d.HasErrors ? null : bytes, d.ToImmutable());
    }

    private static byte[]? EmitFromPlan(string kind, ProfileLoadResult loaded, HostFacts host, OciEmitOptions ociOptions, DiagnosticBag d)
    {
        var profile = loaded.Profile!;
        var compiled = PlanCompiler.Compile(profile, LaunchRequest.Example, host);
        d.AddRange(compiled.Diagnostics);
        if (compiled.Plan is not { } plan)
        {
            return null;
        }

        switch (kind)
        {
            case "plan":
                return PlanJson.Serialize(plan);
            case "apparmor":
                return Encoding.UTF8.GetBytes(plan.AppArmor.Text);
            case "landlock":
                return PlanJson.SerializeLandlock(plan.Landlock);
            case "oci":
                var oci = OciEmitter.Emit(profile, plan, ociOptions);
                d.AddRange(oci.Diagnostics);
                return oci.Json is null ? null : Encoding.UTF8.GetBytes(oci.Json);
            default:
                d.Error(DiagnosticCodes.SchemaValue, SourceLocation.None, $"unknown --emit kind '{kind}'", null,
                    "use " + string.Join(", ", EmitKinds));
                return null;
        }
    }
}
