using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Seccomp;

[Trait("Category", "Unit")]
public sealed class SyscallGroupsTests
{
    [Theory]
    [InlineData("@default"), InlineData("@file-io"), InlineData("@network"), InlineData("@process"), InlineData("@signal")]
    [InlineData("@time"), InlineData("@memory"), InlineData("@ipc"), InlineData("@mount"), InlineData("@namespaces")]
    [InlineData("@debug"), InlineData("@kernel-modules"), InlineData("@keyring"), InlineData("@bpf"), InlineData("@io-uring")]
    [InlineData("@privileged"), InlineData("@obsolete")]
    public void RequiredGroup_Exists_AndNamesAreKnownSomewhere(string group)
    {
        Assert.Contains(group, SyscallGroups.Names);
        Assert.True(SyscallGroups.TryGet(group, out var names));
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.True(SyscallTable.IsKnownAnywhere(n), $"{group}: {n} is not a syscall on any architecture"));
    }

    [Fact]
    public void TryGet_AcceptsNameWithoutAt_AndRejectsUnknown()
    {
        Assert.True(SyscallGroups.TryGet("network", out var network));
        Assert.Contains("socket", network);
        Assert.False(SyscallGroups.TryGet("@nope", out _));
    }

    [Fact]
    public void Default_IsDockersUnconditionalAllowList()
    {
        SyscallGroups.TryGet("@default", out var names);
        Assert.Contains("read", names);
        Assert.Contains("openat", names);
        Assert.Contains("ptrace", names); // minKernel 4.8 only, no capability
        // conditional or capability-gated in Docker's profile, so not in @default:
        foreach (var gated in new[] { "socket", "personality", "clone", "clone3", "mount", "bpf", "chroot", "arch_prctl", "unshare", "setns", "kexec_load" })
            Assert.DoesNotContain(gated, names);
        Assert.InRange(names.Length, 350, 380);
    }

    [Fact]
    public void DangerousGroups_AreNotInDefault()
    {
        SyscallGroups.TryGet("@default", out var allowed);
        foreach (var group in new[] { "@kernel-modules", "@mount", "@keyring", "@bpf", "@privileged" })
        {
            SyscallGroups.TryGet(group, out var names);
            Assert.Empty(names.Intersect(allowed));
        }
    }
}
