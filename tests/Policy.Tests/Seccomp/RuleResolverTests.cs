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
}
