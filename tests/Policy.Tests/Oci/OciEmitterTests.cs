using System.Collections.Immutable;
using System.Text.Json;
using Hctr.Policy.Capabilities;
using Hctr.Policy.Diagnostics;
using Hctr.Policy.Model;
using Hctr.Policy.Oci;
using Hctr.Policy.Seccomp;
using Xunit;
using static Hctr.Policy.Tests.Compile.ProfileBuilder;

namespace Hctr.Policy.Tests.Oci;

[Trait("Category", "Unit")]
public class OciEmitterTests
{
    private static SecurityProfile WithRules(SecurityProfile p, params SeccompRuleSpec[] rules) =>
        p with { Seccomp = p.Seccomp with { Rules = [.. rules] } };

    private static SeccompRuleSpec Rule(SeccompAction action, int line, ImmutableArray<ArgCondition> args, params string[] names) =>
        new([.. names.Select(n => L(n, line))], [.. names.Order(StringComparer.Ordinal)], args, action, At(line), null);

    private static SecurityProfile Sample() =>
        WithRules(
            Strict("sample").WithCaps(Capability.NetBindService, Capability.Chown) with
            {
                Seccomp = Strict().Seccomp with { UnknownAction = L(new SeccompAction(SeccompActionKind.Errno, 1), 4), Architectures = [L(SeccompArch.X86_64, 4)] },
                Sysctls = [new SysctlEntry("kernel.shmmax", "65536", At(80))],
            },
            Rule(SeccompAction.Allow, 5, [], "read", "write", "exit_group"),
            Rule(SeccompAction.Allow, 6, [new ArgCondition(0, ArgOp.MaskedEq, 0, 0x7E020000)], "clone"),
            Rule(new SeccompAction(SeccompActionKind.Errno, 38), 7, [], "clone3"),
            Rule(new SeccompAction(SeccompActionKind.KillProcess), 8, [], "kexec_load"));

    private static JsonElement EmitOk(SecurityProfile p, OciEmitOptions options = OciEmitOptions.None, uint uid = 0)
    {
        var r = OciEmitter.Emit(p, CompileOk(p, Request(uid)), options);
        Assert.True(r.Json is not null, string.Join("\n", r.Diagnostics.Select(d => d.Render())));
        return JsonDocument.Parse(r.Json!).RootElement.Clone();
    }

    private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!);

    [Fact]
    public void Sample_profile_emits_the_expected_fields()
    {
        var root = EmitOk(Sample(), uid: 1000);
        var process = root.GetProperty("process");
        var caps = process.GetProperty("capabilities");
        foreach (var set in new[] { "bounding", "effective", "inheritable", "permitted", "ambient" })
        {
            Assert.Equal(["CAP_CHOWN", "CAP_NET_BIND_SERVICE"], Strings(caps.GetProperty(set)));
        }

        Assert.True(process.GetProperty("noNewPrivileges").GetBoolean());
        var rl = Assert.Single(process.GetProperty("rlimits").EnumerateArray());
        Assert.Equal("RLIMIT_NOFILE", rl.GetProperty("type").GetString());
        Assert.Equal(4096UL, rl.GetProperty("hard").GetUInt64());
        Assert.Equal("hctr-sample", process.GetProperty("apparmorProfile").GetString());
        Assert.True(root.GetProperty("root").GetProperty("readonly").GetBoolean());

        var linux = root.GetProperty("linux");
        var uid = Assert.Single(linux.GetProperty("uidMappings").EnumerateArray());
        Assert.Equal(100000U, uid.GetProperty("hostID").GetUInt32());
        Assert.Equal(65536U, uid.GetProperty("size").GetUInt32());
        Assert.Contains("network", linux.GetProperty("namespaces").EnumerateArray().Select(n => n.GetProperty("type").GetString()));
        Assert.Equal(["/proc/kcore", "/proc/keys"], Strings(linux.GetProperty("maskedPaths")));
        Assert.Equal(["/proc/sys"], Strings(linux.GetProperty("readonlyPaths")));
        Assert.Equal("65536", linux.GetProperty("sysctl").GetProperty("kernel.shmmax").GetString());
        var res = linux.GetProperty("resources");
        Assert.Equal(268435456L, res.GetProperty("memory").GetProperty("limit").GetInt64());
        Assert.Equal(128L, res.GetProperty("pids").GetProperty("limit").GetInt64());
        Assert.Equal(50000L, res.GetProperty("cpu").GetProperty("quota").GetInt64());
        Assert.Equal(2597UL, res.GetProperty("cpu").GetProperty("shares").GetUInt64());

        var mounts = root.GetProperty("mounts").EnumerateArray().ToList();
        var tmp = mounts.Single(m => m.GetProperty("destination").GetString() == "/tmp");
        Assert.Equal("tmpfs", tmp.GetProperty("type").GetString());
        Assert.Equal(["nosuid", "nodev", "mode=1777", "size=67108864"], Strings(tmp.GetProperty("options")));
        Assert.DoesNotContain(mounts, m => m.GetProperty("destination").GetString() == "/dev/null");
    }

    [Fact]
    public void Seccomp_in_the_oci_schema()
    {
        var s = EmitOk(Sample()).GetProperty("linux").GetProperty("seccomp");
        Assert.Equal("SCMP_ACT_ERRNO", s.GetProperty("defaultAction").GetString());
        Assert.Equal(1, s.GetProperty("defaultErrnoRet").GetInt32());
        Assert.Equal(["SCMP_ARCH_X86_64"], Strings(s.GetProperty("architectures")));
        var sys = s.GetProperty("syscalls").EnumerateArray().ToList();
        Assert.Equal(4, sys.Count);
        Assert.Equal(["kexec_load"], Strings(sys[0].GetProperty("names")));
        Assert.Equal("SCMP_ACT_KILL_PROCESS", sys[0].GetProperty("action").GetString());
        Assert.Equal(["clone3"], Strings(sys[1].GetProperty("names")));
        Assert.Equal(38, sys[1].GetProperty("errnoRet").GetInt32());
        Assert.Equal(["exit_group", "read", "write"], Strings(sys[2].GetProperty("names")));
        Assert.Equal("SCMP_ACT_ALLOW", sys[2].GetProperty("action").GetString());
        var arg = Assert.Single(sys[3].GetProperty("args").EnumerateArray());
        Assert.Equal("SCMP_CMP_MASKED_EQ", arg.GetProperty("op").GetString());
        Assert.Equal(0x7E020000UL, arg.GetProperty("value").GetUInt64());
        Assert.Equal(0UL, arg.GetProperty("valueTwo").GetUInt64());
    }

    [Fact]
    public void Emit_is_deterministic()
    {
        var p = Sample();
        Assert.Equal(OciEmitter.Emit(p, CompileOk(p)).Json, OciEmitter.Emit(Sample(), CompileOk(Sample())).Json);
    }

    [Fact]
    public void Landlock_rules_are_inexpressible_unless_omitted_explicitly()
    {
        var p = Sample().WithModes(NetworkMode.Bridge).WithAccess(("/", Model.FileAccess.Read)).WithTcp([Ports(80, 80)], []);
        var r = OciEmitter.Emit(p, CompileOk(p));
        Assert.Null(r.Json);
        Assert.True(3 == r.Diagnostics.Count(d => d.Code == DiagnosticCodes.OciInexpressible && d.IsError), string.Join("\n", r.Diagnostics.Select(d => d.Render())));

        var lossy = OciEmitter.Emit(p, CompileOk(p), OciEmitOptions.OmitLandlockUnsafe);
        Assert.NotNull(lossy.Json);
        Assert.Equal(3, lossy.Diagnostics.Count(d => d.Code == DiagnosticCodes.OciInexpressible && d.Severity == Severity.Warning
            && (d.FieldPath == "spec.filesystem.access" || d.FieldPath!.StartsWith("spec.network.tcp", StringComparison.Ordinal))));
        Assert.Contains(lossy.Diagnostics, d => d.FieldPath == "spec.resources.cpu.weight" && d.Severity == Severity.Warning);
    }

    [Fact]
    public void Port_rules_with_network_none_only_warn()
    {
        var r = OciEmitter.Emit(Sample(), CompileOk(Sample()));
        Assert.NotNull(r.Json);
        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.OciInexpressible && d.Severity == Severity.Warning);
    }

    [Fact]
    public void Unknown_action_that_differs_in_kind_is_inexpressible()
    {
        var p = Sample() with { Seccomp = Sample().Seccomp with { DefaultAction = L(SeccompAction.Allow, 4), UnknownAction = L(new SeccompAction(SeccompActionKind.Errno, 38), 4) } };
        var r = OciEmitter.Emit(p, CompileOk(p));
        Assert.Null(r.Json);
        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.OciInexpressible && d.FieldPath == "spec.seccomp.unknownAction" && d.IsError);
    }

    [Fact]
    public void Unknown_enosys_under_errno_default_is_a_warning()
    {
        var p = Sample() with { Seccomp = Sample().Seccomp with { UnknownAction = L(new SeccompAction(SeccompActionKind.Errno, 38), 4) } };
        var r = OciEmitter.Emit(p, CompileOk(p));
        Assert.NotNull(r.Json);
        Assert.Contains(r.Diagnostics, d => d.FieldPath == "spec.seccomp.unknownAction" && d.Severity == Severity.Warning);
    }

    [Fact]
    public void Notify_is_inexpressible()
    {
        var p = WithRules(Sample(), Rule(new SeccompAction(SeccompActionKind.Notify), 9, [], "mount"));
        Assert.Null(OciEmitter.Emit(p, CompileOk(p)).Json);
    }

    [Fact]
    public void Two_conditions_on_one_argument_are_inexpressible()
    {
        var p = WithRules(Sample(), Rule(SeccompAction.Allow, 9, [new ArgCondition(0, ArgOp.Ge, 1), new ArgCondition(0, ArgOp.Le, 9)], "personality"));
        var r = OciEmitter.Emit(p, CompileOk(p));
        Assert.Null(r.Json);
        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.OciInexpressible && d.Location == At(9));
    }

    [Fact]
    public void First_match_between_different_actions_is_inexpressible()
    {
        var p = WithRules(Sample(),
            Rule(new SeccompAction(SeccompActionKind.Errno, 97), 9, [new ArgCondition(0, ArgOp.Eq, 16)], "socket"),
            Rule(SeccompAction.Allow, 10, [], "socket"));
        Assert.Null(OciEmitter.Emit(p, CompileOk(p)).Json);
    }

    [Fact]
    public void Trailing_default_rules_and_shadowed_rules_are_dropped()
    {
        var p = WithRules(Sample(),
            Rule(SeccompAction.Allow, 9, [new ArgCondition(0, ArgOp.Eq, 16)], "socket"),
            Rule(new SeccompAction(SeccompActionKind.Errno, 1), 10, [], "socket"),
            Rule(SeccompAction.Allow, 11, [], "getpid"),
            Rule(new SeccompAction(SeccompActionKind.KillProcess), 12, [], "getpid"));
        var sys = EmitOk(p).GetProperty("linux").GetProperty("seccomp").GetProperty("syscalls").EnumerateArray().ToList();
        Assert.Single(sys, e => Strings(e.GetProperty("names")).Contains("socket"));
        Assert.Single(sys, e => Strings(e.GetProperty("names")).Contains("getpid") && e.GetProperty("action").GetString() == "SCMP_ACT_ALLOW");
    }

    [Fact]
    public void Mknod_without_userns_is_inexpressible()
    {
        var p = Sample().WithCaps(Capability.Mknod).WithUserns(UserNamespaceMode.HostUnsafe);
        Assert.Null(OciEmitter.Emit(p, CompileOk(p)).Json);
    }
}
