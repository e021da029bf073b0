using System.Collections.Immutable;
using Hctr.Policy.Seccomp;

namespace Hctr.Policy.Tests.Seccomp;

/// <summary>
/// The obvious, slow evaluation of resolved rule tables, which the compiled filter must agree
/// with: foreign arch → kill; x86_64/x32 split at 0x40000000 (an unlisted ABI → kill, but
/// nr -1 is never killed for it); first
/// matching rule; listed-but-unmatched → default; known → default; unknown → unknown action.
/// </summary>
internal static class ReferenceEvaluator
{
    private const uint X32Bit = 0x40000000;

    public static uint Evaluate(ImmutableArray<ArchRuleTable> tables, in SeccompData data)
    {
        var nr = unchecked((uint)data.Nr);
        var arch = data.Arch;
        var candidates = tables.Where(t => SyscallTable.AuditArch(t.Arch) == arch).ToList();
        if (candidates.Count == 0)
            return SeccompAction.KillProcess.ToRet();
        ArchRuleTable? table;
        if (data.Arch == SyscallTable.AuditArch(SeccompArch.X86_64))
        {
            table = candidates.FirstOrDefault(t => t.Arch == (nr >= X32Bit ? SeccompArch.X32 : SeccompArch.X86_64));
            // nr -1 (a tracer skipping the syscall) is an unknown number, never an x32 kill.
            if (table is null && nr == uint.MaxValue)
                table = candidates.FirstOrDefault(t => t.Arch == SeccompArch.X86_64);
        }
        else
            table = candidates.Single();
        if (table is null)
            return SeccompAction.KillProcess.ToRet();
        if (table.Rules.TryGetValue(data.Nr, out var rules))
        {
            foreach (var rule in rules)
            {
                var args = data;
                if (rule.Conditions.All(c => c.Holds(args.GetArg(c.Index))))
                    return rule.Action.ToRet();
            }
            return table.DefaultAction.ToRet();
        }
        return SyscallTable.IsKnown(table.Arch, data.Nr) ? table.DefaultAction.ToRet() : table.UnknownAction.ToRet();
    }
}
