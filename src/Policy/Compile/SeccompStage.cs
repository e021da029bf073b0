using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;

namespace Hctr.Policy.Compile;

/// <summary>
/// The one seam to the seccomp compiler (RuleResolver + BpfCompiler in Hctr.Policy.Seccomp), which lives on
/// another branch: SeccompProfile → SeccompRuleSet → per-arch tables → BPF for the host's native arch.
/// </summary>
internal static class SeccompStage
{
    public static SeccompPlan Build(SeccompProfile s, HostFacts host, DiagnosticBag d) =>
        throw new NotImplementedException("seccomp stage: merged from the seccomp branch");
}
