using System.Collections.Frozen;
using System.Collections.Immutable;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

[Trait("Category", "Unit")]
public sealed class SyscallRangesTests
{
    private static readonly SeccompAction Eperm = SeccompAction.Errno(1);
    private static readonly ArgCondition Cond = new(0, ArgOp.Eq, 1);

    private static SyscallRule R(SeccompAction action, params ArgCondition[] c) => new([.. c], action, SourceLocation.None);

    [Fact]
    public void Simplify_CutsAfterFirstUnconditional_AndDropsTrailingRulesEqualToFallthrough()
    {
        Assert.Equal(SeccompAction.Allow.ToRet(), SyscallRanges.Simplify([R(SeccompAction.Allow), R(Eperm, Cond)], Eperm).Constant);
        Assert.Equal(Eperm.ToRet(), SyscallRanges.Simplify([R(Eperm, Cond)], Eperm).Constant);

        var leaf = SyscallRanges.Simplify([R(SeccompAction.Allow, Cond), R(SeccompAction.KillProcess, Cond), R(Eperm)], SeccompAction.Allow);
        Assert.Null(leaf.Constant);
        Assert.Equal(Eperm, leaf.Fallthrough);
        Assert.Equal(2, leaf.Chain.Length);

        var trimmed = SyscallRanges.Simplify([R(SeccompAction.Allow, Cond), R(Eperm, Cond)], Eperm);
        Assert.Single(trimmed.Chain);
    }

    [Fact]
    public void Build_CoversTheWholeNumberSpace_InOrder_AndMergesEqualConstants()
    {
        var table = new ArchRuleTable(SeccompArch.X86_64,
            new Dictionary<int, ImmutableArray<SyscallRule>> { [0] = [R(SeccompAction.Allow)], [1] = [R(SeccompAction.Allow)], [2] = [R(SeccompAction.Allow, Cond)] }.ToFrozenDictionary(),
            Eperm, SeccompAction.Errno(38));
        var segments = SyscallRanges.Build([table], 0xC000003E);

        Assert.Equal(0u, segments[0].Lo);
        Assert.Equal(uint.MaxValue, segments[^1].Hi);
        for (var i = 1; i < segments.Length; i++)
            Assert.Equal(segments[i - 1].Hi + 1, segments[i].Lo);
        Assert.Equal((0u, 1u), (segments[0].Lo, segments[0].Hi)); // read+write merged
        Assert.Null(segments[1].Leaf.Constant);                      // open (2) has a condition
        Assert.Equal(0x80000000u, segments[^2].Leaf.Constant);        // x32 half, not listed
        Assert.Equal(0x40000000u, segments[^2].Lo);
        Assert.Equal(0x00050026u, segments[^1].Leaf.Constant);        // except nr -1: unknown
        Assert.Equal(uint.MaxValue, segments[^1].Lo);
        Assert.All(segments, s => Assert.True(s.Weight >= 1));
    }

    [Fact]
    public void Build_GivesANumberOutsideTheSyscallTable_ItsOwnSegment()
    {
        // 1000 is no x86_64 syscall in hctr's table: its rule still decides it, between unknown runs.
        var table = new ArchRuleTable(SeccompArch.X86_64,
            new Dictionary<int, ImmutableArray<SyscallRule>> { [1000] = [R(SeccompAction.Allow)], [0] = [R(SeccompAction.Allow)] }.ToFrozenDictionary(),
            Eperm, SeccompAction.Errno(38));
        var segments = SyscallRanges.Build([table], 0xC000003E);

        var at1000 = Assert.Single(segments, s => s.Lo <= 1000 && 1000 <= s.Hi);
        Assert.Equal((1000u, 1000u), (at1000.Lo, at1000.Hi));
        Assert.Equal(SeccompAction.Allow.ToRet(), at1000.Leaf.Constant);
        var before = segments[segments.IndexOf(at1000) - 1];
        var after = segments[segments.IndexOf(at1000) + 1];
        Assert.Equal(SeccompAction.Errno(38).ToRet(), before.Leaf.Constant);
        Assert.Equal(SeccompAction.Errno(38).ToRet(), after.Leaf.Constant);
        for (var i = 1; i < segments.Length; i++)
        {
            Assert.Equal(segments[i - 1].Hi + 1, segments[i].Lo);
            Assert.False(segments[i - 1].Leaf.IsConstant && segments[i].Leaf.IsConstant && segments[i - 1].Leaf.Constant == segments[i].Leaf.Constant,
                $"segments {i - 1} and {i} return the same constant and were not merged");
        }
    }
}
