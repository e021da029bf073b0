using System.Collections.Frozen;
using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

[Trait("Category", "Unit")]
public sealed class RuleResolverTests
{
    private static readonly SourceLocation At = new("p.yaml", 3, 5);

    [Fact]
    public void Resolve_MapsNamesPerArch_KeepsOrder_AndReportsMissing()
    {
        var eq = new ArgCondition(0, ArgOp.Eq, 1);
        var set = new SeccompRuleSet(
            SeccompAction.Errno(1),
            SeccompAction.Errno(38),
            [SeccompArch.X86_64, SeccompArch.Aarch64, SeccompArch.X86_64],
            [
                new NamedRule(["openat", "arch_prctl"], [eq], SeccompAction.Allow, At),
                new NamedRule(["openat"], [], SeccompAction.KillProcess, SourceLocation.None),
                new NamedRule(["nonexistent"], [], SeccompAction.Allow, At),
            ]);
        var tables = RuleResolver.Resolve(set, out var notOnArch);

        Assert.Equal([SeccompArch.X86_64, SeccompArch.Aarch64], tables.Select(t => t.Arch));
        var x86_64 = tables[0];
        var openat = x86_64.Rules[257];
        Assert.Equal(2, openat.Length);
        Assert.Equal(SeccompAction.Allow, openat[0].Action);
        Assert.Equal(At, openat[0].Origin);
        Assert.Equal(SeccompAction.KillProcess, openat[1].Action);
        Assert.True(x86_64.Rules.ContainsKey(158)); // arch_prctl
        Assert.Equal(2, tables[1].Rules[56].Length); // openat on aarch64
        Assert.Single(tables[1].Rules);
        Assert.Equal(SeccompAction.Errno(1), tables[1].DefaultAction);
        Assert.Equal(SeccompAction.Errno(38), tables[1].UnknownAction);
        Assert.Equal(new[] { "arch_prctl on aarch64", "nonexistent on aarch64", "nonexistent on x86_64" }, notOnArch.ToArray());
    }

    [Fact]
    public void Resolve_X32NumbersCarryTheX32Bit()
    {
        var set = new SeccompRuleSet(SeccompAction.Errno(1), SeccompAction.Errno(38), [SeccompArch.X32],
            [new NamedRule(["read"], ImmutableArray<ArgCondition>.Empty, SeccompAction.Allow, At)]);
        var table = Assert.Single(RuleResolver.Resolve(set, out _));
        Assert.Equal(0x40000000, Assert.Single(table.Rules.Keys));
    }

    private static string Describe(ImmutableArray<ArchRuleTable> tables) => string.Join("\n", tables.Select(t =>
        $"{t.Arch}: " + string.Join(" ", t.Rules.Select(kv => $"{kv.Key}=[{string.Join(",", kv.Value.Select(r => $"{r.Action}@{r.Origin.Line}/{r.Conditions.Length}"))}]"))));

    [Fact]
    public void Resolve_WithoutTheMissingList_BuildsTheSameTables_InTheSameOrder()
    {
        var eq = new ArgCondition(0, ArgOp.Eq, 1);
        var set = new SeccompRuleSet(SeccompAction.Errno(1), SeccompAction.Errno(38),
            [SeccompArch.X86, SeccompArch.X86_64, SeccompArch.X32, SeccompArch.X86],
            [
                new NamedRule(["write", "read", "write", "socketcall", "arch_prctl"], [eq], SeccompAction.Allow, new("p.yaml", 1, 1)),
                new NamedRule(["read", "write"], [], SeccompAction.KillProcess, new("p.yaml", 2, 1)),
                new NamedRule(["close", "openat", "read"], [], SeccompAction.Allow, new("p.yaml", 3, 1)),
                new NamedRule(default, [], SeccompAction.Allow, new("p.yaml", 4, 1)),
            ]);

        RuleResolver.Resolve(set, out var missing);
        Assert.Equal(Describe(Reference(set)), Describe(RuleResolver.Resolve(set)));
        Assert.Equal(Describe(Reference(set)), Describe(RuleResolver.Resolve(set, out _)));
        Assert.Contains("socketcall on x86_64", missing);

        var docker = DockerDefaultRuleSet.Create([SeccompArch.X86_64, SeccompArch.X86, SeccompArch.X32]);
        Assert.Equal(Describe(Reference(docker)), Describe(RuleResolver.Resolve(docker)));
    }

    /// <summary>The resolver written the plain way (per architecture, per rule, per distinct name, one lookup each).</summary>
    private static ImmutableArray<ArchRuleTable> Reference(SeccompRuleSet set) =>
    [
        .. set.Architectures.Distinct().Select(arch =>
        {
            var byNumber = new Dictionary<int, List<SyscallRule>>();
            foreach (var rule in set.Rules.Where(r => !r.Syscalls.IsDefault))
            {
                var syscallRule = new SyscallRule(rule.Conditions.IsDefault ? [] : rule.Conditions, rule.Action, rule.Origin);
                foreach (var name in rule.Syscalls.Distinct(StringComparer.Ordinal))
                {
                    if (SyscallTable.TryGetNumber(arch, name, out var nr))
                    {
                        if (!byNumber.TryGetValue(nr, out var list))
                            byNumber[nr] = list = [];
                        list.Add(syscallRule);
                    }
                }
            }

            return new ArchRuleTable(arch, byNumber.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray()), set.DefaultAction, set.UnknownAction);
        }),
    ];

    [Fact]
    public void Resolve_ANameRepeatedInOneRule_AddsTheRuleOnce()
    {
        var set = new SeccompRuleSet(SeccompAction.Errno(1), SeccompAction.Errno(38), [SeccompArch.X86_64],
            [new NamedRule(["write", "read", "write"], [], SeccompAction.Allow, At), new NamedRule(["read"], [], SeccompAction.KillProcess, At)]);
        var table = Assert.Single(RuleResolver.Resolve(set));
        Assert.Single(table.Rules[1]);
        Assert.Equal([SeccompAction.Allow, SeccompAction.KillProcess], table.Rules[0].Select(r => r.Action));
    }

    [Fact]
    public void Resolve_AnArchitectureWithoutATable_IsRefusedOnceARuleNamesASyscall()
    {
        var unknown = (SeccompArch)99;
        var empty = new SeccompRuleSet(SeccompAction.Errno(1), SeccompAction.Errno(38), [unknown], []);
        Assert.Single(RuleResolver.Resolve(empty)); // nothing to look up: the compiler refuses the architecture later

        var named = empty with { Rules = [new NamedRule(["read"], [], SeccompAction.Allow, At)] };
        Assert.Throws<ArgumentOutOfRangeException>(() => RuleResolver.Resolve(named));
        Assert.Throws<ArgumentOutOfRangeException>(() => RuleResolver.Resolve(named, out _));
    }
}
