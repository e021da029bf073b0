using System.Collections.Immutable;
using System.Text;
using Hctr.Policy.Compile;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy;

/// <summary>
/// Policy's façade: loaded profile in, artifacts out. Pure: the caller loads the profile (with an
/// <see cref="IProfileSource"/>) and supplies host facts.
/// </summary>
public static partial class ProfileCompiler
{
    public static readonly ImmutableArray<string> EmitKinds = ["seccomp-bpf", "seccomp-asm", "oci", "apparmor", "landlock", "plan"];

    public static EmitResult Emit(string kind, ProfileLoadResult loaded, HostFacts host)
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
                bytes = EmitFromPlan(kind, loaded, host, d);
                break;
        }

        return new EmitResult(d.HasErrors ? null : bytes, d.ToImmutable());
    }

    private static byte[]? EmitFromPlan(string kind, ProfileLoadResult loaded, HostFacts host, DiagnosticBag d)
    {
        d.Error(DiagnosticCodes.OciInexpressible, loaded.Profile!.Origin, $"--emit {kind} is not available in this build");
        return null;
    }
}
