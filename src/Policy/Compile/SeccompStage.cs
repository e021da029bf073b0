using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Host;
using Hctr.Policy.Model;
using Hctr.Policy.Plan;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Compile;

/// <summary>
/// Profile seccomp section → rule tables per architecture → one cBPF program. Architectures default to the
/// host's native one; every other architecture (and x32 on x86_64 unless listed) is killed by the filter.
/// </summary>
internal static class SeccompStage
{
    public const uint FlagSpecAllow = 4;

    public static ImmutableArray<SeccompArch> Architectures(SeccompProfile s, HostFacts host) =>
        s.Architectures.IsEmpty ? [host.Arch] : [.. s.Architectures.Select(a => a.Value).Distinct()];

    public static SeccompRuleSet RuleSet(SeccompProfile s, HostFacts host) => new(
        s.DefaultAction.Value,
        s.UnknownAction.Value,
        Architectures(s, host),
        [.. s.Rules.Select(r => new NamedRule(r.Expanded, r.Args, r.Action, r.Origin))]);

    /// <summary>The compiled program, or null with an error diagnostic (too large, or a rule the compiler refuses).</summary>
    public static SeccompProgram? Program(SeccompProfile s, HostFacts host, DiagnosticBag d)
    {
        var set = RuleSet(s, host);
        var tables = RuleResolver.Resolve(set);
        WarnAbsent(s, set.Architectures, d);
        var native = set.Architectures.Contains(host.Arch) ? host.Arch : set.Architectures[0];
        var result = BpfCompiler.Compile(tables, native);
        if (result.Program is null)
        {
            d.Error(DiagnosticCodes.SeccompTooLarge, s.DefaultAction.Origin, $"the seccomp filter cannot be compiled: {result.Error}", "spec.seccomp",
                "use fewer argument conditions, or group syscalls with the same action");
        }

        return result.Program;
    }

    public static SeccompPlan Build(SeccompProfile s, HostFacts host, DiagnosticBag d)
    {
        var program = Program(s, host, d);
        var bytes = program?.ToBytes() ?? [];
        var needsListener = s.DefaultAction.Value.Kind == SeccompActionKind.Notify || s.Rules.Any(r => r.Action.Kind == SeccompActionKind.Notify);
        return new SeccompPlan(Convert.ToBase64String(bytes), program?.Instructions.Length ?? 0,
            host.SeccompSpecAllow ? FlagSpecAllow : 0, needsListener, s.DefaultAction.Origin);
    }

    /// <summary>A syscall named directly (not through a group) that exists on none of the filter's architectures has no effect.</summary>
    private static void WarnAbsent(SeccompProfile s, ImmutableArray<SeccompArch> arches, DiagnosticBag d)
    {
        foreach (var r in s.Rules)
        {
            foreach (var name in r.Syscalls.Where(n => !n.Value.StartsWith('@')))
            {
                if (!arches.Any(a => SyscallTable.TryGetNumber(a, name.Value, out _)))
                {
                    d.Warning(DiagnosticCodes.SyscallNotOnArch, name.Origin,
                        $"'{name.Value}' does not exist on {string.Join(", ", arches)}; this entry has no effect", "spec.seccomp.rules");
                }
            }
        }
    }
}
