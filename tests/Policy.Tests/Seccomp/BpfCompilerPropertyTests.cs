using System.Collections.Immutable;
using CsCheck;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

/// <summary>
/// The compiler is tested by execution: over random rule sets, the compiled program's
/// decision (run in <see cref="BpfInterpreter"/>) equals <see cref="ReferenceEvaluator"/> for
/// listed, foreign and x32-bit arch/nr combinations and boundary arguments.
/// </summary>
[Trait("Category", "Unit")]
public sealed class BpfCompilerPropertyTests
{
    private static readonly string[] NamePool =
    [
        "read", "write", "openat", "close", "socket", "clone", "clone3", "personality", "arch_prctl", "mmap",
        "ioctl", "kill", "open", "getpid", "set_tls", "socketcall", "mseal", "futex", "execve", "ptrace",
        "breakpoint", "rt_sigaction", "fstat", "exit_group",
    ];

    private static readonly ulong[] Boundaries =
    [
        0, 1, 2, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF, 0x100000000, 0x100000001, 0x1FFFFFFFF,
        0x7FFFFFFFFFFFFFFF, 0x8000000000000000, ulong.MaxValue - 1, ulong.MaxValue,
    ];

    private static readonly ulong[] Masks = [0, 1, 0xFF, 0xFFFFFFFF, 0xFFFFFFFF00000000, 0x7E020000, 0x100000001, ulong.MaxValue];

    private static readonly Gen<ulong> GenValue = Gen.Frequency((3, Gen.OneOfConst(Boundaries)), (1, Gen.ULong));

    private static readonly Gen<ArgCondition> GenCondition = Gen.Select(
        Gen.Int[0, 5], Gen.Enum<ArgOp>(), GenValue, Gen.OneOfConst(Masks), Gen.Bool,
        (index, op, value, mask, fits) => op == ArgOp.MaskedEq
            ? new ArgCondition(index, op, fits ? value & mask : value, mask)
            : new ArgCondition(index, op, value));

    private static readonly Gen<SeccompAction> GenAction = Gen.Select(
        Gen.Enum<SeccompActionKind>(), Gen.UShort[1, 4095],
        (kind, data) => kind is SeccompActionKind.Errno or SeccompActionKind.Trace ? new SeccompAction(kind, data) : new SeccompAction(kind));

    private static readonly Gen<NamedRule> GenRule = Gen.Select(
        Gen.OneOfConst(NamePool).Array[1, 3], GenCondition.Array[0, 3], GenAction,
        (names, conditions, action) => new NamedRule([.. names], [.. conditions], action, SourceLocation.None));

    private static Gen<(SeccompRuleSet Set, SeccompArch Native, ulong[][] Args)> GenCase(int maxRules) => Gen.Select(
        Gen.Int[1, 31], GenRule.Array[0, maxRules], GenAction, GenAction, Gen.Enum<SeccompArch>(), GenValue.Array[6].Array[3],
        (archMask, rules, defaultAction, unknownAction, native, args) =>
        {
            ImmutableArray<SeccompArch> arches = [.. Enum.GetValues<SeccompArch>().Where(a => (archMask & (1 << (int)a)) != 0)];
            return (new SeccompRuleSet(defaultAction, unknownAction, arches, [.. rules]), native, args);
        });

    [Fact]
    public void CompiledDecision_EqualsReference_SmallRuleSets() =>
        GenCase(maxRules: 12).Sample(c => CheckCase(c.Set, c.Native, c.Args), iter: 300);

    [Fact]
    public void CompiledDecision_EqualsReference_LargeRuleSets_WithLongJumps() =>
        GenCase(maxRules: 45).Sample(c => CheckCase(c.Set, c.Native, c.Args), iter: 60);

    private static void CheckCase(SeccompRuleSet set, SeccompArch native, ulong[][] randomArgs)
    {
        var tables = RuleResolver.Resolve(set, out _);
        var result = BpfCompiler.Compile(tables, native);
        if (result.Program is null)
        {
            Assert.Contains("4096", result.Error);
            return;
        }
        var program = result.Program;
        Assert.InRange(program.Instructions.Length, 1, 4096);
        Assert.Equal(new SockFilter(0x20, 0, 0, 4), program.Instructions[0]); // ld [arch] comes first
        BpfAssemblerTests.AssertJumpsInRange(program);

        var listedAudit = tables.Select(t => SyscallTable.AuditArch(t.Arch)).ToHashSet();
        uint[] archValues = [0xC000003E, 0x40000003, 0xC00000B7, 0x40000028, 0x4000003E, 0, 0xFFFFFFFF];
        var argVectors = randomArgs.Append(new ulong[6]).ToList();
        foreach (var arch in archValues)
        {
            foreach (var nr in Numbers(tables))
            {
                foreach (var args in argVectors)
                {
                    var data = Data(nr, arch, args);
                    var actual = BpfInterpreter.Run(program, data, out _, out var loaded);
                    Assert.Equal(ReferenceEvaluator.Evaluate(tables, data), actual);
                    if (!listedAudit.Contains(arch))
                        Assert.Equal(0b10, loaded); // foreign arch: decided on arch alone
                    else if (!HasConditions(tables, arch, nr))
                        Assert.Equal(0, loaded & ~0b11); // constant-action path: no argument loads
                }
            }
        }
        // Arguments right at, below and above every constant in the rules.
        foreach (var table in tables)
        {
            var arch = SyscallTable.AuditArch(table.Arch);
            foreach (var (nr, rules) in table.Rules)
            {
                foreach (var args in ConditionArgs(rules))
                {
                    var data = Data(nr, arch, args);
                    Assert.Equal(ReferenceEvaluator.Evaluate(tables, data), BpfInterpreter.Run(program, data, out _));
                }
            }
        }
    }

    private static bool HasConditions(ImmutableArray<ArchRuleTable> tables, uint arch, int nr) =>
        tables.Any(t => SyscallTable.AuditArch(t.Arch) == arch && t.Rules.TryGetValue(nr, out var r) && r.Any(x => !x.IsUnconditional));

    private static SeccompData Data(int nr, uint arch, ulong[] a) => new(nr, arch, 0x7fff0000, a[0], a[1], a[2], a[3], a[4], a[5]);

    private static IEnumerable<int> Numbers(ImmutableArray<ArchRuleTable> tables)
    {
        var numbers = new HashSet<int> { 0, 1, 1000, 0x3FFFFFFF, 0x40000000, 0x40000001, 0x40000200, 0x40000000 + 1000, -1, int.MinValue, 0xF0005, 0xF0100 };
        foreach (var t in tables)
        {
            numbers.UnionWith(t.Rules.Keys);
            var known = SyscallTable.Names(t.Arch).Select(n => SyscallTable.TryGetNumber(t.Arch, n, out var nr) ? nr : 0).ToList();
            numbers.Add(known.Max() + 1);
        }
        foreach (var name in NamePool)
        {
            foreach (var arch in Enum.GetValues<SeccompArch>())
            {
                if (SyscallTable.TryGetNumber(arch, name, out var nr))
                    numbers.Add(nr);
            }
        }
        return numbers.Order();
    }

    private static IEnumerable<ulong[]> ConditionArgs(ImmutableArray<SyscallRule> rules)
    {
        foreach (var rule in rules)
        {
            var all = new ulong[6];
            foreach (var c in rule.Conditions)
            {
                foreach (var v in new[] { c.Value, unchecked(c.Value - 1), unchecked(c.Value + 1), c.Value ^ 0x100000000, c.Value | ~c.Mask })
                {
                    var one = new ulong[6];
                    one[c.Index] = v;
                    yield return one;
                }
                all[c.Index] = c.Value;
            }
            yield return all; // every condition at its constant at once (eq/ge/le/masked hold)
        }
    }
}
