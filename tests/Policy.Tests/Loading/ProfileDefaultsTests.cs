using Hctr.Policy.Model;
using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests.Loading;

[Trait("Category", "Unit")]
public class ProfileDefaultsTests
{
    [Fact]
    public void A_profile_with_no_spec_is_strict()
    {
        var r = MemorySource.Load(MemorySource.Header);
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        var p = r.Profile!;
        Assert.Empty(p.Capabilities.Add);
        Assert.True(p.NoNewPrivileges.Value);
        Assert.Equal(UserNamespaceMode.Auto, p.UserNamespace.Mode.Value);
        Assert.True(p.Filesystem.ReadOnlyRootfs.Value);
        Assert.False(p.Filesystem.AllowSetuid.Value);
        Assert.Equal([NetworkMode.None], p.Network.Modes.Select(m => m.Value));
        Assert.Empty(p.Network.TcpBind);
        Assert.Equal(1024, p.Resources.PidsMax.Value);
        Assert.Contains(p.Filesystem.MaskedPaths, m => m.Value == "/proc/kcore");
        Assert.Contains(p.Filesystem.ReadOnlyPaths, m => m.Value == "/proc/sys");
        Assert.Equal(SeccompActionKind.Errno, p.Seccomp.DefaultAction.Value.Kind);
        Assert.Equal(38, p.Seccomp.UnknownAction.Value.Data);
    }

    [Fact]
    public void A_missing_seccomp_section_means_the_builtin_allowlist_not_allow_all()
    {
        var p = MemorySource.Load(MemorySource.Header).Profile!;
        var rules = p.Seccomp.Rules;
        Assert.Equal("@default", rules[0].Syscalls[0].Value);
        var unconditional = rules.Where(r => r.Args.IsEmpty && r.Action.Kind == SeccompActionKind.Allow).SelectMany(r => r.Expanded).ToHashSet();
        Assert.DoesNotContain("mount", unconditional);
        Assert.DoesNotContain("bpf", unconditional);
        Assert.DoesNotContain("clone", unconditional);
        Assert.Contains("read", unconditional);
        Assert.Contains("arch_prctl", unconditional);
        Assert.Contains(rules, r => r.Expanded.SequenceEqual(["clone"]) && r.Args.Single().Op == ArgOp.MaskedEq);
    }

    [Fact]
    public void An_empty_seccomp_section_denies_everything()
    {
        var p = MemorySource.Load(MemorySource.Header + "spec:\n  seccomp: {}\n").Profile!;
        Assert.Empty(p.Seccomp.Rules);
    }

    [Fact]
    public void Default_access_follows_the_rootfs_mode()
    {
        var ro = MemorySource.Load(MemorySource.Header).Profile!;
        Assert.Contains(ro.Filesystem.Access, a => a.Path == "/" && a.Access == (Model.FileAccess.Read | Model.FileAccess.Execute));
        Assert.Contains(ro.Filesystem.Access, a => a.Path == "/tmp" && a.Access.HasFlag(Model.FileAccess.Write));
        var rw = MemorySource.Load(MemorySource.Header + "spec:\n  filesystem: {readOnlyRootfs: false}\n").Profile!;
        Assert.Contains(rw.Filesystem.Access, a => a.Path == "/" && a.Access.HasFlag(Model.FileAccess.Write));
    }

    [Fact]
    public void Expanded_syscalls_are_sorted_ordinally_and_unique_whatever_order_the_rule_names_them_in()
    {
        var r = MemorySource.Load(MemorySource.Header + """
            spec:
              seccomp:
                groups:
                  mine: [write, "@time", read, write]
                rules:
                  - syscalls: [write, "@mine", _llseek, read, "@signal", getpid, read]
                    action: allow
                  - syscalls: ["@default"]
                    action: allow
            """);
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        var first = r.Profile!.Seccomp.Rules[0].Expanded;
        var expected = new[] { "write", "read", "_llseek", "getpid" }
            .Concat(SyscallGroups.TryGet("@time", out var time) ? time : [])
            .Concat(SyscallGroups.TryGet("@signal", out var signal) ? signal : [])
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        Assert.Equal(expected, first);
        Assert.Equal(SyscallGroups.TryGet("@default", out var docker) ? docker.Order(StringComparer.Ordinal) : [], r.Profile.Seccomp.Rules[1].Expanded);
    }
}
