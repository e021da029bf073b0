using System.CommandLine;
using Hctr.Cli.Output;
using Hctr.Engine.Profiles;
using Hctr.Policy;
using Hctr.Policy.Loading;
using Hctr.Policy.Oci;
using Hctr.Policy.Seccomp;

namespace Hctr.Cli.Commands;

/// <summary><c>hctr profile compile FILE --emit seccomp-bpf|oci|apparmor|landlock|plan [--arch A] [-o OUT]</c>.</summary>
internal static class CompileCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The profile to compile." };
        var emit = new Option<string>("--emit") { Description = "What to produce: seccomp-bpf, seccomp-asm, oci, apparmor, landlock or plan.", Required = true };
        emit.AcceptOnlyFromAmong("seccomp-bpf", "seccomp-asm", "oci", "apparmor", "landlock", "plan");
        var arch = new Option<string>("--arch") { Description = "Native architecture for the filter (default: this host's).", DefaultValueFactory = _ => "x86_64" };
        arch.AcceptOnlyFromAmong("x86_64", "aarch64");
        var output = new Option<string?>("--output", "-o") { Description = "Write here (atomically) instead of standard output." };
        var omitLandlock = new Option<bool>("--omit-landlock-unsafe")
        {
            Description = "With --emit oci: emit even though Landlock rules (file access, TCP ports) are lost; each loss is listed. Audited as unsafe.",
        };
        var cmd = new Command("compile", "Compile a profile into kernel configuration.") { file, emit, arch, output, omitLandlock };
        cmd.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var loaded = ProfileLoader.Load(path, new FileProfileSource());
            DiagnosticPrinter.Print(loaded.Diagnostics);
            if (loaded.Profile is null)
            {
                return ExitCodes.Findings;
            }

            var host = HostFactsFor(parse.GetValue(arch)!);
            var artifact = ProfileCompiler.Emit(parse.GetValue(emit)!, loaded, host,
                parse.GetValue(omitLandlock) ? OciEmitOptions.OmitLandlockUnsafe : OciEmitOptions.None);
            DiagnosticPrinter.Print(artifact.Diagnostics);
            if (artifact.Bytes is null)
            {
                return ExitCodes.Findings;
            }

            return OutputWriter.Write(parse.GetValue(output), artifact.Bytes) ? ExitCodes.Ok : ExitCodes.Usage;
        });
        return cmd;
    }

    private static Hctr.Policy.Host.HostFacts HostFactsFor(string arch) =>
        Hctr.Policy.Host.HostFacts.Reference with { Arch = arch == "aarch64" ? SeccompArch.Aarch64 : SeccompArch.X86_64 };
}
