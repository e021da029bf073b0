using System.Collections.Immutable;
using System.Text;
using Hctr.Policy.Host;
using Hctr.Policy.Loading;
using Hctr.Policy.Plan;
using Hctr.Policy.Seccomp;
using Xunit;

namespace Hctr.Policy.Tests;

/// <summary>The façade end to end: YAML text → plan → a filter that decides as the profile says.</summary>
[Trait("Category", "Unit")]
public class ProfileCompilerTests
{
    private const uint AuditX86_64 = 0xC000003E;
    private const uint AuditI386 = 0x40000003;

    private static ProfileLoadResult Shipped(string name) =>
        ProfileLoader.Load(Path.Combine(RepoPaths.Profiles, name), new DirectorySource());

    private static SeccompProgram Filter(string profile)
    {
        var r = ProfileCompiler.Emit("seccomp-bpf", Shipped(profile), HostFacts.Reference);
        Assert.True(r.Bytes is not null, string.Join("\n", r.Diagnostics));
        return SeccompProgram.FromBytes(r.Bytes);
    }

    private static uint Decide(SeccompProgram p, string name, uint arch = AuditX86_64, ulong arg0 = 0)
    {
        Assert.True(SyscallTable.TryGetNumber(SeccompArch.X86_64, name, out var nr));
        return BpfInterpreter.Run(p, new SeccompData(nr, arch, Arg0: arg0), out _);
    }

    [Theory]
    [InlineData("web-strict.yaml")]
    [InlineData("batch-nonet.yaml")]
    [InlineData("default.yaml")]
    public void Shipped_filters_allow_io_and_deny_mount_and_unknown_numbers(string profile)
    {
        var p = Filter(profile);
        Assert.Equal(0x7fff0000u, Decide(p, "read"));
        Assert.Equal(0x00050001u, Decide(p, "mount"));
        Assert.Equal(0x00050026u, BpfInterpreter.Run(p, new SeccompData(1000, AuditX86_64), out _));
        var x32Read = BpfInterpreter.Run(p, new SeccompData(0x40000000, AuditX86_64), out _);
        // default.yaml lists x32 as Docker does; the others leave it out, so the x32 ABI is killed.
        Assert.Equal(profile == "default.yaml" ? 0x7fff0000u : 0x80000000u, x32Read);
    }

    [Fact]
    public void Web_strict_denies_ptrace_and_namespace_creation_and_only_ip_sockets()
    {
        var p = Filter("web-strict.yaml");
        Assert.Equal(0x00050001u, Decide(p, "ptrace"));
        Assert.Equal(0x00050001u, Decide(p, "unshare"));
        Assert.Equal(0x00050001u, Decide(p, "bpf"));
        Assert.Equal(0x00050001u, Decide(p, "keyctl"));
        Assert.Equal(0x7fff0000u, Decide(p, "socket", arg0: 2));
        Assert.Equal(0x00050001u, Decide(p, "socket", arg0: 16));
        Assert.Equal(0x00050001u, Decide(p, "clone", arg0: 0x10000000));
        Assert.Equal(0x7fff0000u, Decide(p, "clone", arg0: 0x003D0F00));
        Assert.Equal(0x80000000u, Decide(p, "read", arch: AuditI386));
    }

    [Fact]
    public void Default_allows_what_docker_allows_on_i386_too()
    {
        var p = Filter("default.yaml");
        Assert.Equal(0x7fff0000u, Decide(p, "ptrace"));
        Assert.Equal(0x00050026u, Decide(p, "clone3"));
        Assert.Equal(0x00050001u, Decide(p, "socket", arg0: 38));
        Assert.Equal(0x7fff0000u, Decide(p, "personality", arg0: 0xffffffff));
        Assert.Equal(0x00050001u, Decide(p, "personality", arg0: 0x1ffffffff));
        Assert.True(SyscallTable.TryGetNumber(SeccompArch.X86, "read", out var nr32));
        Assert.Equal(0x7fff0000u, BpfInterpreter.Run(p, new SeccompData(nr32, AuditI386), out _));
    }

    [Fact]
    public void Compiling_twice_gives_the_same_bytes()
    {
        foreach (var kind in new[] { "seccomp-bpf", "plan", "apparmor", "landlock" })
        {
            var a = ProfileCompiler.Emit(kind, Shipped("web-strict.yaml"), HostFacts.Reference).Bytes;
            var b = ProfileCompiler.Emit(kind, Shipped("web-strict.yaml"), HostFacts.Reference).Bytes;
            Assert.NotNull(a);
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void The_plan_round_trips_through_its_canonical_json()
    {
        var bytes = ProfileCompiler.Emit("plan", Shipped("web-strict.yaml"), HostFacts.Reference).Bytes!;
        var plan = PlanJson.Deserialize(bytes);
        Assert.Equal(bytes, PlanJson.Serialize(plan));
        Assert.Equal("web-strict", plan.ProfileName);
        Assert.DoesNotContain("\r", Encoding.UTF8.GetString(bytes));
    }
}
