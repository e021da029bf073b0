using System.Collections.Immutable;

namespace Hctr.Policy.Seccomp;

/// <summary>
/// Compiles resolved rule tables to a seccomp cBPF program. Layout:
/// <list type="number">
/// <item>Load <c>arch</c>; one <c>jeq</c> per listed audit architecture (native first) to its
/// section; any other value returns KILL_PROCESS.</item>
/// <item>Each section loads <c>nr</c> and walks a weight-balanced binary search (<c>jge</c>,
/// see <see cref="SearchTreePlan"/>) over number segments (<see cref="SyscallRanges"/>);
/// x86_64 and x32 share one section split at 0x40000000, an unlisted ABI's half returns
/// KILL_PROCESS (except nr -1).</item>
/// <item>A segment with a constant action is a single <c>ret</c>: its path depends only on arch
/// and nr, never on arguments, so Linux ≥ 5.11 can cache it in the constant-action bitmap.
/// Only numbers with argument rules get a chain that loads arguments.</item>
/// </list>
/// The output is deterministic: same tables and native arch, same bytes.
/// </summary>
public static class BpfCompiler
{
    public static SeccompCompileResult Compile(ImmutableArray<ArchRuleTable> tables, SeccompArch native)
    {
        try
        {
            Validate(tables);
            var asm = new BpfAssembler();
            EmitProgram(asm, tables, native);
            var code = asm.Assemble();
            if (code.Length > SeccompRet.MaxInstructions)
                return new(null, $"the seccomp program has {code.Length} instructions; the kernel accepts at most {SeccompRet.MaxInstructions}. " +
                    "Reduce argument conditions or the number of architectures.");
            return new(new SeccompProgram(code), null);
        }
        catch (SeccompCompileException e)
        {
            return new(null, e.Message);
        }
    }

    private static void Validate(ImmutableArray<ArchRuleTable> tables)
    {
        if (tables.IsDefaultOrEmpty)
            throw new SeccompCompileException("no architectures: a seccomp filter needs at least one");
        var duplicate = tables.GroupBy(t => t.Arch).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new SeccompCompileException($"architecture {SeccompArchNames.ToName(duplicate.Key)} is listed twice");
        foreach (var table in tables)
        {
            if (!Enum.IsDefined(table.Arch))
                throw new SeccompCompileException($"unknown architecture value {(int)table.Arch}");
            foreach (var (nr, rules) in table.Rules)
            {
                foreach (var rule in rules.IsDefault ? [] : rules)
                {
                    foreach (var c in rule.Conditions.IsDefault ? [] : rule.Conditions)
                    {
                        if (c.Index is < 0 or > 5)
                            throw new SeccompCompileException($"{rule.Origin}: argument index {c.Index} is outside 0..5 (syscall {nr})");
                        if (!Enum.IsDefined(c.Op))
                            throw new SeccompCompileException($"{rule.Origin}: unknown argument operator {c.Op}");
                    }
                }
            }
        }
    }

    private static void EmitProgram(BpfAssembler asm, ImmutableArray<ArchRuleTable> tables, SeccompArch native)
    {
        var nativeAudit = tables.Any(t => t.Arch == native) ? SyscallTable.AuditArch(native) : (uint?)null;
        var sections = tables
            .GroupBy(t => SyscallTable.AuditArch(t.Arch))
            .OrderBy(g => g.Key == nativeAudit ? 0 : 1)
            .ThenBy(g => g.Min(t => t.Arch))
            .Select(g => (Audit: g.Key, Tables: (IReadOnlyList<ArchRuleTable>)[.. g.OrderBy(t => t.Arch)], Label: asm.NewLabel()))
            .ToList();

        asm.Emit(Bpf.LoadAbs(SeccompRet.ArchOffset));
        foreach (var section in sections)
        {
            var next = asm.NewLabel();
            asm.Branch(Bpf.Jmp | Bpf.Jeq | Bpf.K, section.Audit, section.Label, next);
            asm.Mark(next);
        }
        asm.Emit(Bpf.Return(SeccompRet.KillProcess));

        foreach (var section in sections)
        {
            asm.Mark(section.Label);
            asm.Emit(Bpf.LoadAbs(SeccompRet.NrOffset));
            var segments = SyscallRanges.Build(section.Tables, section.Audit);
            EmitSearch(asm, segments, SearchTreePlan.Create(segments), 0, segments.Length - 1);
        }
    }

    /// <summary>Binary search over segments[first..last] on the loaded nr, split as planned.</summary>
    private static void EmitSearch(BpfAssembler asm, ImmutableArray<NrSegment> segments, SearchTreePlan plan, int first, int last)
    {
        if (first == last)
        {
            EmitLeaf(asm, segments[first].Leaf);
            return;
        }
        var mid = plan.Split(first, last);
        var upper = asm.NewLabel();
        var lower = asm.NewLabel();
        asm.Branch(Bpf.Jmp | Bpf.Jge | Bpf.K, segments[mid].Lo, upper, lower);
        asm.Mark(lower);
        EmitSearch(asm, segments, plan, first, mid - 1);
        asm.Mark(upper);
        EmitSearch(asm, segments, plan, mid, last);
    }

    private static void EmitLeaf(BpfAssembler asm, NrLeaf leaf)
    {
        if (leaf.Constant is { } ret)
        {
            asm.Emit(Bpf.Return(ret));
            return;
        }
        foreach (var rule in leaf.Chain)
        {
            var nextRule = asm.NewLabel();
            foreach (var condition in rule.Conditions)
            {
                var pass = asm.NewLabel();
                ArgConditionEmitter.Emit(asm, condition, pass, nextRule);
                asm.Mark(pass);
            }
            asm.Emit(Bpf.Return(rule.Action.ToRet()));
            asm.Mark(nextRule);
        }
        asm.Emit(Bpf.Return(leaf.Fallthrough.ToRet()));
    }
}
